package dev.slopipeline.definitions.yaml;

import static dev.slopipeline.definitions.yaml.Fixtures.rendered;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files and folders as the command line gives them. */
class PathsTest {

    private static final String EMPTY_FILE = ":1:1: warning: no documents in this file; add a Service or SLO document, or remove the file";

    @TempDir
    Path dir;

    @Test
    void shouldReadFoldersRecursivelyInPathOrderAndOnlyYamlFiles() throws IOException {
        write("slos/b.yaml", "");
        write("slos/a/z.yml", "");
        write("slos/a/c.yaml", "");
        write("slos/notes.txt", "not read");

        LoadResult result = DefinitionLoader.load(List.of(dir.resolve("slos")));

        String slos = dir.resolve("slos").toString();
        assertThat(rendered(result)).containsExactly(
                slos + "/a/c.yaml" + EMPTY_FILE, slos + "/a/z.yml" + EMPTY_FILE, slos + "/b.yaml" + EMPTY_FILE);
    }

    @Test
    void shouldNameFilesByThePathAsGiven() throws IOException {
        write("team-a/services.yaml", Fixtures.CATALOG);
        write("team-b/shop/services.yaml", Fixtures.CATALOG);
        Path relative = Path.of("").toAbsolutePath().relativize(dir);

        LoadResult result = DefinitionLoader.load(List.of(relative.resolve("team-a"), relative.resolve("team-b")));

        assertThat(rendered(result)).containsExactly(relative + "/team-b/shop/services.yaml:3:18: Service \"storefront\" "
                + "is already defined at " + relative + "/team-a/services.yaml:3:18; names must be unique across all files");
    }

    @Test
    void shouldReadTheSameFileOnceWhenGivenTwice() throws IOException {
        Path services = write("slos/services.yaml", Fixtures.CATALOG);

        LoadResult result = DefinitionLoader.load(List.of(dir.resolve("slos"), services));

        assertThat(result.problems()).isEmpty();
        assertThat(result.definitions().services()).containsOnlyKeys("storefront");
    }

    @Test
    void shouldReadAFileGivenByNameWhateverItsExtension() throws IOException {
        Path services = write("services.txt", Fixtures.CATALOG);

        assertThat(DefinitionLoader.load(List.of(services)).definitions().services()).containsOnlyKeys("storefront");
    }

    @Test
    void shouldReportAPathThatDoesNotExist() {
        Path missing = dir.resolve("missing");

        assertThat(rendered(DefinitionLoader.load(List.of(missing)))).containsExactly(
                missing + ":1:1: path does not exist; give a definitions file or a folder of them");
    }

    @Test
    void shouldReportAFolderWithoutYamlFiles() throws IOException {
        write("empty/readme.md", "# nothing");

        assertThat(rendered(DefinitionLoader.load(List.of(dir.resolve("empty"))))).containsExactly(
                dir.resolve("empty") + ":1:1: folder has no .yaml or .yml files; definitions files must end in .yaml or .yml");
    }

    @Test
    void shouldLoadServicesAndSlosFromDifferentFolders() throws IOException {
        write("catalog/services.yaml", Fixtures.CATALOG);
        write("slos/shop/checkout.yaml", ValidSlo.TEXT);

        LoadResult result = DefinitionLoader.load(List.of(dir.resolve("slos"), dir.resolve("catalog")));

        assertThat(result.problems()).isEmpty();
        assertThat(result.definitions().slos()).containsOnlyKeys("checkout-availability");
    }

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
