"""POS evidence for toolkit/terms/README.md: class accuracy of content words (noun/proper noun,
adjective, verb) on UD French-GSD test (shared/data/ud_french_gsd), lexicon tagger vs spaCy.

    python benchmarks/_terms_pos.py lex                  # toolkit.terms.tagger
    /path/to/venv-with-spacy/bin/python benchmarks/_terms_pos.py spacy   # fr_core_news_sm

spaCy is not a termkit dependency: install it in a throw-away virtualenv to compare.
Our ambiguous noun-or-adjective tag J counts as right for either.
"""
import sys, time
import os
conll=os.path.join(os.environ.get('TERMKIT_SHARED', os.path.join(os.path.dirname(__file__), '..', '..', 'shared')), 'data/ud_french_gsd/fr_gsd-ud-test.conllu')
sents=[];cur=[]
for l in open(conll,encoding='utf-8'):
    if l.startswith('#'): continue
    if not l.strip():
        if cur: sents.append(cur); cur=[]
        continue
    c=l.split('\t')
    if '-' in c[0] or '.' in c[0]: continue
    cur.append((c[1],c[3]))
cls={'NOUN':'n','PROPN':'n','ADJ':'a','VERB':'v','AUX':'f'}
def gold(u): return cls.get(u,'f')
mode=sys.argv[1]
ok=tot=0
t=time.time()
if mode=='lex':
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
    from toolkit.terms.tagger import tag_text
    m={'N':'n','K':'n','J':'na','A':'a','R':'a','V':'v','G':'n','M':'f'}
    for s in sents:
        words=[w for w,_ in s]
        toks=tag_text(' '.join(words),'fr')
        # align by sequential matching of token text
        tags={}
        k=0
        for t_ in toks: tags.setdefault(t_.text.lower(),[]).append(m.get(t_.tag,'f'))
        for w,u in s:
            g=gold(u)
            if g=='f': continue
            lst=tags.get(w.lower().replace('’',"'"))
            p=lst.pop(0) if lst else 'f'
            tot+=1; ok+= g in p
else:
    import spacy
    from spacy.tokens import Doc
    nlp=spacy.load('fr_core_news_sm')
    for s in sents:
        doc=Doc(nlp.vocab, words=[w for w,_ in s])
        for name,proc in nlp.pipeline: doc=proc(doc)
        for tok,(w,u) in zip(doc,s):
            g=gold(u)
            if g=='f': continue
            tot+=1; ok+= gold(tok.pos_)==g
print(mode, f'content-word class accuracy {ok}/{tot} = {ok/tot:.3f}', f'{time.time()-t:.2f}s for {len(sents)} sentences')
