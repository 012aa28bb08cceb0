package io.postyard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseStartupCheckTest {
    @TempDir
    Path dataDir;

    private JdbcConfiguration embedded(Path dir) {
        return new JdbcConfiguration(JdbcConfiguration.embeddedUrl(dir), Optional.empty(), Optional.empty(), 2);
    }

    @Test
    void aDatabaseThatOpensHasNoProblem() {
        assertThat(DatabaseStartupCheck.problem(embedded(dataDir))).isEmpty();
    }

    @Test
    void aDatabaseHeldByAnotherProcessIsNamedWithWhatToDo() throws Exception {
        assertThat(DatabaseStartupCheck.problem(embedded(dataDir))).isEmpty();
        Path file = dataDir.resolve("postyard-db").resolve("postyard.mv.db");
        // The lock H2 itself takes on its file, as another process running Postyard on this data directory holds it.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            assertThat(DatabaseStartupCheck.problem(embedded(dataDir))).hasValueSatisfying(problem -> assertThat(problem)
                .contains("is in use by another process").contains("POSTYARD_DATA_DIR").doesNotContain("\n"));
        }
    }

    @Test
    void aDamagedDatabaseFilePointsToTheBackup() throws Exception {
        Path file = dataDir.resolve("postyard-db").resolve("postyard.mv.db");
        Files.createDirectories(file.getParent());
        Files.write(file, "this is not an H2 database, whatever its name says".repeat(200).getBytes());

        assertThat(DatabaseStartupCheck.problem(embedded(dataDir))).hasValueSatisfying(problem -> assertThat(problem)
            .contains("cannot be read").contains("./postyard restore").doesNotContain("\n"));
    }

    @Test
    void anUnreachableServerIsNamedWithoutItsCredentials() {
        JdbcConfiguration away = new JdbcConfiguration("jdbc:postgresql://127.0.0.1:1/postyard?password=secret-1",
            Optional.of("postyard"), Optional.empty(), 2);

        assertThat(DatabaseStartupCheck.problem(away)).hasValueSatisfying(problem -> assertThat(problem)
            .contains("could not reach the database jdbc:postgresql://127.0.0.1:1/postyard").doesNotContain("secret-1"));
    }
}
