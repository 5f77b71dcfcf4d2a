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

    @Test
    void everyFileBuiltinAsksFirst() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path granted = Files.createDirectories(dir.resolve("granted"));
        Files.writeString(outside.resolve("t.csv"), "a\n1\n");
        Files.writeString(granted.resolve("labels.txt"), "p.png 1\n");
        String[][] refused = {
            {"read_csv(\"" + outside + "/t.csv\")", "read " + outside + "/t.csv"},
            {"load_npy(\"" + outside + "/x.npy\")", "read " + outside + "/x.npy"},
            {"load_npz(\"" + outside + "/x.npz\")", "read " + outside + "/x.npz"},
            {"load_image(\"" + outside + "/p.png\")", "read " + outside + "/p.png"},
            {"open(\"" + outside + "/t.csv\")", "read " + outside + "/t.csv"},
            {"exists(\"" + outside + "/t.csv\")", "read " + outside + "/t.csv"},
            {"image_folder(\"" + outside + "\", \"" + granted + "/labels.txt\")", "read " + outside + "/p.png"},
            {"open(\"" + outside + "/w.txt\", \"w\")", "write " + outside + "/w.txt"},
            {"write_text(\"" + outside + "/w.txt\", \"x\")", "write " + outside + "/w.txt"},
            {"save_npy(\"" + outside + "/x\", [1])", "write " + outside + "/x.npy"},
            {"save_image(\"" + outside + "/p.png\", zeros([2, 2], dtype=uint8))", "write " + outside + "/p.png"},
            {"write_csv(\"" + outside + "/t.csv\", [1])", "write " + outside + "/t.csv"},
            {"write_weights(\"" + outside + "/weights.txt\")", "write " + outside + "/weights.txt"},
            {"figure().save(\"" + outside + "/f.png\")", "write " + outside + "/f.png"},
            {"plt.savefig(\"" + outside + "/f.png\")", "write " + outside + "/f.png"},
            {"plot({\"loss\": [1.0, 0.5]}, to=\"" + outside + "/loss.png\")", "write " + outside + "/loss.png"},
        };
        try (Nnl nnl = Nnl.builder().fileAccess(granted).build()) {
            for (String[] r : refused) {
                NnlScriptException e = assertThrows(NnlScriptException.class, () -> nnl.eval(r[0]), r[0]);
                assertTrue(e.getMessage().contains("not allowed to " + r[1]), r[0] + ": " + e.getMessage());
            }
            nnl.eval("write_text(\"" + granted + "/ok.txt\", \"fine\")");
            assertEquals("fine", Files.readString(granted.resolve("ok.txt")));
        }
        assertTrue(Files.notExists(outside.resolve("w.txt")) && Files.notExists(outside.resolve("x.npy")));
        assertTrue(Files.notExists(outside.resolve("f.png")) && Files.notExists(outside.resolve("loss.png")));
    }
}
