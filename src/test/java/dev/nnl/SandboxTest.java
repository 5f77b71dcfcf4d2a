package dev.nnl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embedded sessions touch no files unless granted, and every refusal names the path. */
class SandboxTest {
    @TempDir
    Path dir;

    @Test
    void withoutGrantedDirectoriesNothingCanBeRead() {
        try (Nnl nnl = Nnl.create()) {
            NnlScriptException e = assertThrows(NnlScriptException.class, () -> nnl.eval("import \"/etc/passwd\" as x"));
            assertTrue(e.getMessage().contains("not allowed to read /etc/passwd"), e.getMessage());
            assertEquals(70, e.exitCode());
        }
    }

    @Test
    void grantedDirectoriesAreReadableAndOthersAreNot() throws IOException {
        Files.writeString(dir.resolve("lib.nnl"), "def double(x) = x * 2\n");
        Files.writeString(dir.resolve("main.nnl"), "import \"lib.nnl\" as lib\nlib.double(21)\n");
        try (Nnl nnl = Nnl.builder().fileAccess(dir).build()) {
            assertEquals(42L, nnl.evalFile(dir.resolve("main.nnl")).asLong());
            NnlScriptException e = assertThrows(NnlScriptException.class, () -> nnl.eval("load_idx(\"/etc/passwd\")"));
            assertTrue(e.getMessage().contains("not allowed to read /etc/passwd"), e.getMessage());
            NnlScriptException write = assertThrows(NnlScriptException.class,
                    () -> nnl.eval("v = variable(zeros([1]))\nsave_variables(\"/tmp/nnl-escape.ckpt\")"));
            assertTrue(write.getMessage().contains("not allowed to write /tmp/nnl-escape.ckpt"), write.getMessage());
        }
    }
}
