package dev.nnl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnl.ScriptRunner;
import dev.nnl.interp.FileAccess;
import dev.nnl.syntax.NnlException;
import dev.nnl.syntax.Source;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weights across runs: a checkpoint written by model_checkpoint resumes training in a new session (as the course's
 * "load the model" branch does), and damaged, foreign or mismatched files give clear errors.
 */
class ModelWeightsTest {
    @TempDir
    Path dir;

    /** The course's resume recipe: load the checkpoint when it exists, then fit with a checkpoint callback. */
    private String program(String ckpt, int units) {
        return "set_seed(5)\n"
                + "x = random_normal([40, 3], seed=2)\n"
                + "y = cast(argmax(x, axis=1), int64)\n"
                + "model = sequential([dense(" + units + ", activation=\"relu\"), dense(3, activation=\"softmax\")])\n"
                + "model.compile(optimizer=\"adam\", loss=\"sparse_categorical_crossentropy\", metrics=[\"accuracy\"])\n"
                + "path = \"" + ckpt + "\"\n"
                + "if exists(path) { print(\"-------------load the model-----------------\"); model.load_weights(path) }\n"
                + "print(model.evaluate(x, y, verbose=0)[0])\n"
                + "history = model.fit(x, y, epochs=3, verbose=0, shuffle=false, "
                + "callbacks=[model_checkpoint(path, save_weights_only=true, save_best_only=true, monitor=\"loss\")])\n"
                + "print(history[\"loss\"][-1])\n";
    }

    private String run(String program) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        new ScriptRunner(new PrintStream(buffer, true, StandardCharsets.UTF_8), null, FileAccess.unrestricted())
                .run(new Source("resume.nnl", program), List.of());
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCheckpointResumesTrainingInANewRun() {
        String ckpt = dir.resolve("checkpoint/model.ckpt").toString();
        String[] first = run(program(ckpt, 8)).split("\n");
        assertTrue(Files.exists(Path.of(ckpt)), "model_checkpoint wrote " + ckpt);
        String[] second = run(program(ckpt, 8)).split("\n");
        assertEquals("-------------load the model-----------------", second[0], Arrays.toString(second));
        double lossAfterFirstRun = Double.parseDouble(first[1]);
        double lossAtStartOfSecond = Double.parseDouble(second[1]);
        double freshLoss = Double.parseDouble(first[0]);
        assertTrue(lossAtStartOfSecond < freshLoss, "resumed weights are the trained ones: " + lossAtStartOfSecond + " < " + freshLoss);
        assertEquals(lossAfterFirstRun, lossAtStartOfSecond, 0.05, "the second run starts where the first ended");
    }

    @Test
    void weightsOfAnotherArchitectureNameTheLayerAndBothShapes() {
        String ckpt = dir.resolve("model.ckpt").toString();
        run(program(ckpt, 8));
        NnlException e = assertThrows(NnlException.class, () -> run(program(ckpt, 5)));
        String message = e.diagnostics().get(0).message();
        assertTrue(message.contains("dense/kernel") && message.contains("[3, 5]") && message.contains("[3, 8]"), message);
    }

    @Test
    void aTruncatedCheckpointIsAClearError() throws IOException {
        String ckpt = dir.resolve("model.ckpt").toString();
        run(program(ckpt, 8));
        byte[] bytes = Files.readAllBytes(Path.of(ckpt));
        Files.write(Path.of(ckpt), Arrays.copyOf(bytes, bytes.length / 2));
        NnlException e = assertThrows(NnlException.class, () -> run(program(ckpt, 8)));
        assertTrue(e.diagnostics().get(0).message().contains("truncated"), e.diagnostics().get(0).message());
    }

    @Test
    void aForeignFileIsAClearError() throws IOException {
        Path ckpt = dir.resolve("model.ckpt");
        Files.writeString(ckpt, "this is not a checkpoint\n");
        NnlException e = assertThrows(NnlException.class, () -> run(program(ckpt.toString(), 8)));
        assertTrue(e.diagnostics().get(0).message().contains("not an NNL checkpoint"), e.diagnostics().get(0).message());
    }

    @Test
    void csvLoggerWritesAHeaderAndARowPerEpoch() throws IOException {
        Path log = dir.resolve("logs/training.csv");
        run("x = ones([8, 2])\nm = sequential([dense(1)])\nm.compile(optimizer=\"sgd\", loss=\"mse\", metrics=[\"mae\"])\n"
                + "m.fit(x, ones([8, 1]), epochs=3, verbose=0, validation_split=0.25, callbacks=[csv_logger(\"" + log + "\")])\n");
        List<String> lines = Files.readAllLines(log);
        assertEquals("epoch,loss,mae,val_loss,val_mae", lines.get(0));
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(3).startsWith("2,"), lines.toString());
    }
}
