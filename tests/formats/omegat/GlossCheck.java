import java.io.File;
import java.util.List;
import java.util.TreeMap;
import org.omegat.core.Core;
import org.omegat.core.data.ProjectFactory;
import org.omegat.core.data.ProjectProperties;
import org.omegat.gui.glossary.GlossaryEntry;
import org.omegat.gui.glossary.GlossaryReaderTBX;
import org.omegat.gui.glossary.GlossaryReaderTSV;
import org.omegat.util.ProjectFileStorage;

/**
 * Loads an OmegaT project and prints, for each glossary file given, the entries OmegaT's own
 * readers (GlossaryReaderTSV / GlossaryReaderTBX) find: ENTRY, file, source, target, comment.
 * Usage: java -cp OmegaT.jar GlossCheck.java CONFIG_DIR PROJECT_DIR FILE...
 * Used by tests/formats/test_omegat.py (OmegaT 3.6, Debian package "omegat").
 */
public class GlossCheck {
    public static void main(String[] args) throws Exception {
        org.omegat.util.RuntimePreferences.setConfigDir(args[0]);
        args = java.util.Arrays.copyOfRange(args, 1, args.length);
        Core.initializeConsole(new TreeMap<String, String>());
        ProjectProperties props = ProjectFileStorage.loadProjectProperties(new File(args[0]));
        org.omegat.core.data.RealProject p = new org.omegat.core.data.RealProject(props);
        p.loadProject(true);
        Core.setProject(p);
        for (int i = 1; i < args.length; i++) {
            File f = new File(args[i]);
            List<GlossaryEntry> entries = args[i].endsWith(".tbx")
                    ? GlossaryReaderTBX.read(f, false) : GlossaryReaderTSV.read(f, false);
            for (GlossaryEntry e : entries) {
                System.out.println("ENTRY\t" + f.getName() + "\t" + e.getSrcText() + "\t" + e.getLocText()
                        + "\t" + e.getCommentText().replace("\n", "\\n"));
            }
        }
        System.exit(0);
    }
}
