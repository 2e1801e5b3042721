package dev.slopipeline.kit.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderLockTest {

    @TempDir
    Path temp;

    @Test
    void shouldCreateTheFolderAndNameTheHolder() throws Exception {
        Path folder = temp.resolve("data");
        try (DataFolderLock ignored = DataFolderLock.acquire(folder, "app.lock", holder -> "taken" + holder)) {
            assertThat(Files.readString(folder.resolve("app.lock"))).startsWith("pid " + ProcessHandle.current().pid() + " since ");
        }
    }

    @Test
    void shouldRefuseASecondClaimInTheCallersWords() {
        try (DataFolderLock ignored = DataFolderLock.acquire(temp, "app.lock", holder -> "taken" + holder)) {
            assertThatThrownBy(() -> DataFolderLock.acquire(temp, "app.lock", holder -> "in use" + holder))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("in use (pid " + ProcessHandle.current().pid() + " since ");
        }
    }

    @Test
    void shouldLetGoOnClose() {
        DataFolderLock.acquire(temp, "app.lock", holder -> "taken").close();

        DataFolderLock.acquire(temp, "app.lock", holder -> "taken").close();
    }

    @Test
    void shouldKeepDifferentFilesApart() {
        try (DataFolderLock streams = DataFolderLock.acquire(temp, "streams.lock", holder -> "taken");
                DataFolderLock router = DataFolderLock.acquire(temp, "router.lock", holder -> "taken")) {
            assertThat(temp.resolve("streams.lock")).exists();
            assertThat(temp.resolve("router.lock")).exists();
        }
    }
}
