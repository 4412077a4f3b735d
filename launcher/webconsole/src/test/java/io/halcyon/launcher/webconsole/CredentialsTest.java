package io.halcyon.launcher.webconsole;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class CredentialsTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void withoutAUsersFileEveryChangeIsRefused() {
        Credentials none = new Credentials(null);
        assertEquals(Optional.of("no credentials are configured for the web console (halcyon.console.users); changes are refused"),
                none.refusal("admin", "admin"));
    }

    @Test
    public void aLineFromTheToolAcceptsItsPasswordOnly() throws Exception {
        Path users = tmp.newFile().toPath();
        String line = Credentials.line("alice", "s3cret".toCharArray());
        assertTrue(line, line.startsWith("alice:pbkdf2-sha256:210000:"));
        assertNotEquals("a fresh salt each time", line, Credentials.line("alice", "s3cret".toCharArray()));
        Files.writeString(users, "# operators\n" + line + "\n");
        Credentials c = new Credentials(users);
        assertEquals(Optional.empty(), c.refusal("alice", "s3cret"));
        assertEquals(Optional.of("wrong user or password"), c.refusal("alice", "S3cret"));
        assertEquals(Optional.of("wrong user or password"), c.refusal("bob", "s3cret"));
        assertEquals(Optional.of("a change needs credentials: give a user and password"), c.refusal("alice", ""));
        assertEquals(Optional.of("a change needs credentials: give a user and password"), c.refusal(null, null));
    }
}
