"""Original bilingual content for the generated test documents (written for these tests).

A paragraph is a list of sentences; ``[n]`` after a word or a closing bracket is the marker of
footnote n. Long words, real compounds (non-refoulement, procès-verbal, law-enforcement) and
footnotes long enough to run onto the next page are there on purpose.
"""
from __future__ import annotations

TITLE = {
    "fr": "Rapport de conformité sur la mise en œuvre des recommandations",
    "en": "Compliance report on the implementation of the recommendations",
}
SYMBOL = {"fr": "Conformité (2024) 7F", "en": "Compliance (2024) 7E"}
# running headers whose wording says nothing about being a header
HEADER = {
    "fr": "Quatrième cycle d’évaluation – Prévention de la corruption",
    "en": "Fourth evaluation round – Corruption prevention",
}

PARAGRAPHS = {
    "fr": [
        ["Le présent rapport évalue les mesures prises par les autorités pour mettre en œuvre les "
         "recommandations adressées par le Groupe d’États contre la corruption (GRECO)[1] dans son "
         "rapport d’évaluation adopté lors de sa réunion plénière.",
         "Il a été établi sur la base des informations communiquées au Comité des Ministres[2] et "
         "des entretiens conduits avec les représentants des services de détection et de répression."],
        ["Les autorités indiquent que le projet de loi relatif à la transparence de la vie publique a "
         "été examiné en première lecture par l’Assemblée nationale.",
         "Ce texte prévoit une obligation de déclaration de patrimoine proportionnée aux fonctions "
         "exercées et des sanctions administratives précédées d’une procédure contradictoire.",
         "Le GRECO prend note de ces évolutions encourageantes, qui restent toutefois à concrétiser."],
        ["S’agissant des parlementaires, un code de déontologie a été adopté et un procès-verbal de "
         "chaque réunion du comité d’éthique est désormais publié sur le site internet du Parlement.",
         "Le GRECO regrette néanmoins que les règles relatives aux cadeaux, aux invitations et aux "
         "autres avantages ne fassent l’objet d’aucune vérification systématique[3].",
         "La recommandation ii reste partiellement mise en œuvre."],
        ["Concernant les juges, les autorités signalent la création d’un service d’inspection "
         "indépendant chargé des procédures disciplinaires.",
         "Ce service peut être saisi par tout justiciable, et ses décisions sont motivées et "
         "susceptibles de recours devant la juridiction administrative suprême.",
         "Le GRECO salue cette réforme, qui répond pleinement à la préoccupation exprimée dans le "
         "rapport d’évaluation[4]."],
        ["Les autorités rappellent par ailleurs que le principe de non-refoulement interdit de "
         "renvoyer une personne vers un État où elle risque de subir des traitements inhumains ou "
         "dégradants.",
         "Elles précisent que ce principe s’applique également aux procédures d’extradition "
         "engagées à la demande d’un État tiers dans des affaires de corruption[5].",
         "Le GRECO estime que ces garanties sont conformes aux normes européennes."],
        ["En ce qui concerne les procureurs, une circulaire prévoit désormais que toute instruction "
         "individuelle donnée par le ministre est écrite, motivée et versée au dossier de la procédure.",
         "Le GRECO considère que cette mesure renforce la transparence mais qu’elle ne suffit pas à "
         "prévenir toute infiltration de considérations politiques dans les décisions individuelles.",
         "La recommandation vi n’a été que partiellement mise en œuvre."],
        ["Les autorités ont enfin mis en place un programme de formation obligatoire consacré à "
         "l’intégrité, à la prévention des conflits d’intérêts et à la confidentialité des "
         "informations sensibles.",
         "Plus de quatre cents magistrats et fonctionnaires des services d’enquête ont suivi ce "
         "programme au cours de l’année écoulée[6].",
         "Le GRECO se félicite de cette initiative et encourage les autorités à en évaluer "
         "régulièrement l’efficacité."],
        ["Au vu de ce qui précède, le GRECO conclut que la France a mis en œuvre de façon "
         "satisfaisante ou traité de manière satisfaisante quatre des onze recommandations.",
         "Il invite le chef de la délégation à lui soumettre des informations complémentaires sur "
         "la mise en œuvre des recommandations en suspens dans un délai de dix-huit mois."],
    ],
    "en": [
        ["This report assesses the measures taken by the authorities to implement the "
         "recommendations issued by the Group of States against Corruption (GRECO)[1] in its "
         "evaluation report adopted at its plenary meeting.",
         "It was drawn up on the basis of the information submitted to the Committee of "
         "Ministers[2] and of interviews with representatives of the law-enforcement agencies."],
        ["The authorities indicate that the draft law on transparency in public life was examined "
         "at first reading by the National Assembly.",
         "The text provides for an obligation to declare assets that is proportionate to the "
         "functions performed and for administrative sanctions preceded by adversarial proceedings.",
         "GRECO takes note of these encouraging developments, which nevertheless remain to be "
         "implemented."],
        ["As regards members of parliament, a code of conduct has been adopted and the minutes of "
         "each meeting of the ethics committee are now published on the website of Parliament.",
         "GRECO nevertheless regrets that the rules on gifts, invitations and other advantages are "
         "not subject to any systematic verification[3].",
         "Recommendation ii remains partly implemented."],
        ["Concerning judges, the authorities report the creation of an independent inspection "
         "service responsible for disciplinary proceedings.",
         "Any litigant may refer a matter to this service, and its decisions are reasoned and "
         "subject to appeal before the supreme administrative court.",
         "GRECO welcomes this reform, which fully addresses the concern expressed in the "
         "evaluation report[4]."],
        ["The authorities also recall that the principle of non-refoulement prohibits returning a "
         "person to a State where that person faces a risk of inhuman or degrading treatment.",
         "They specify that this principle also applies to extradition proceedings initiated at "
         "the request of a third State in corruption cases[5].",
         "GRECO considers that these safeguards comply with European standards."],
        ["As regards prosecutors, a circular now provides that any individual instruction given "
         "by the minister is written, reasoned and placed in the case file.",
         "GRECO considers that this measure strengthens transparency but that it is not sufficient "
         "to prevent any infiltration of political considerations into individual decisions.",
         "Recommendation vi has been only partly implemented."],
        ["Finally, the authorities have set up a compulsory training programme devoted to "
         "integrity, the prevention of conflicts of interest and the confidentiality of sensitive "
         "information.",
         "More than four hundred judges and officials of the investigative services attended this "
         "programme during the past year[6].",
         "GRECO welcomes this initiative and encourages the authorities to evaluate its "
         "effectiveness regularly."],
        ["In view of the above, GRECO concludes that France has implemented satisfactorily or "
         "dealt with in a satisfactory manner four of the eleven recommendations.",
         "It invites the head of delegation to submit additional information on the "
         "implementation of the pending recommendations within eighteen months."],
    ],
}

FOOTNOTES = {
    "fr": {
        1: "Le GRECO, créé en 1999 par le Conseil de l’Europe, a pour objectif d’améliorer la capacité "
           "de ses membres à lutter contre la corruption en s’assurant, par un processus dynamique "
           "d’évaluation mutuelle et de pression par les pairs, qu’ils respectent les normes de "
           "l’Organisation en matière de lutte contre la corruption.",
        2: "Délégués des Ministres, réunion du comité de suivi ; les informations ont été transmises "
           "par écrit au secrétariat, puis complétées lors d’un échange de vues avec les membres de "
           "la délégation nationale et les rapporteurs désignés pour la procédure de conformité, "
           "qui ont examiné l’ensemble des pièces justificatives communiquées par les autorités.",
        3: "Voir le paragraphe 41 du rapport d’évaluation.",
        4: "Le rapport d’évaluation recommandait d’assurer l’indépendance de l’organe chargé des "
           "procédures disciplinaires à l’égard des juges.",
        5: "Convention pénale sur la corruption, articles 26 et 27 ; voir aussi la jurisprudence "
           "constante de la Cour européenne des droits de l’homme relative aux mesures d’éloignement "
           "et aux garanties procédurales qui doivent les entourer, notamment lorsque la personne "
           "concernée invoque un risque réel de mauvais traitements dans l’État de destination.",
        6: "Données communiquées par l’École nationale de la magistrature.",
    },
    "en": {
        1: "GRECO, established in 1999 by the Council of Europe, aims to improve the capacity of its "
           "members to fight corruption by ensuring, through a dynamic process of mutual evaluation "
           "and peer pressure, that they comply with the standards of the Organisation on the fight "
           "against corruption.",
        2: "Ministers’ Deputies, meeting of the follow-up committee; the information was sent in "
           "writing to the secretariat, then supplemented during an exchange of views with the "
           "members of the national delegation and the rapporteurs appointed for the compliance "
           "procedure, who examined all the supporting documents submitted by the authorities.",
        3: "See paragraph 41 of the evaluation report.",
        4: "The evaluation report recommended ensuring the independence of the body responsible for "
           "disciplinary proceedings against judges.",
        5: "Criminal Law Convention on Corruption, articles 26 and 27; see also the settled case-law "
           "of the European Court of Human Rights on removal measures and the procedural safeguards "
           "that must surround them, in particular where the person concerned alleges a real risk "
           "of ill-treatment in the State of destination.",
        6: "Data provided by the National School for the Judiciary.",
    },
}

# web-page furniture for the UNODC-like page (banner, share bar, "learn more" teasers)
WEB = {
    "fr": {
        "cookie": "Ce site utilise des cookies pour améliorer votre expérience de navigation et "
                  "mesurer l’audience. En poursuivant votre navigation, vous acceptez leur "
                  "utilisation conformément à notre politique de confidentialité.",
        "accept": "J’accepte", "more": "En savoir plus", "share": "Partager",
        "related": "Articles liés", "teaser": "Conférence régionale sur la criminalité maritime",
        "nav": ["Accueil", "À propos", "Nos travaux", "Publications", "Presse", "Contact"],
        "footer": "© Office des Nations Unies contre la drogue et le crime. Tous droits réservés.",
    },
    "en": {
        "cookie": "This website uses cookies to improve your browsing experience and to measure "
                  "audience. By continuing to browse, you agree to their use in accordance with our "
                  "privacy policy.",
        "accept": "I agree", "more": "Learn more", "share": "Share",
        "related": "Related stories", "teaser": "Regional conference on maritime crime",
        "nav": ["Home", "About us", "What we do", "Publications", "Press", "Contact"],
        "footer": "© United Nations Office on Drugs and Crime. All rights reserved.",
    },
}
