package dev.nnl.io;

import dev.nnl.interp.NnlError;
import dev.nnl.tensor.DType;
import dev.nnl.tensor.Shapes;
import dev.nnl.tensor.Tensor;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Picture files (PNG, JPEG, BMP; GIF for reading) as uint8 tensors, through javax.imageio: as numpy sees a PIL image,
 * a gray picture is [H, W] and a colour one [H, W, 3], or [H, W, 4] with alpha (palette pictures become RGB).
 * A damaged file, including a JPEG cut short that a decoder would quietly fill with gray, is an error naming it.
 */
public final class Images {
    private Images() {}

    public static Tensor read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw FileErrors.cannotRead(file, e);
        }
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw bad(file, "not a PNG, JPEG, BMP or GIF picture");
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            try {
                reader.setInput(in);
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
            if (!warnings.isEmpty()) throw bad(file, warnings.get(0));
        } catch (IOException | RuntimeException e) {
            // decoders also fail on malformed data with unchecked exceptions (index out of bounds, ...)
            if (e instanceof NnlError n) throw n;
            throw bad(file, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        return pixels(image);
    }

    private static Tensor pixels(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        ColorModel cm = image.getColorModel();
        int channels;
        byte[] out;
        if (!(cm instanceof IndexColorModel) && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            // gray samples as stored: getRGB would pass them through a gamma conversion
            Raster raster = image.getRaster();
            channels = raster.getNumBands();
            out = new byte[h * w * channels];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int b = 0; b < channels; b++) {
                        out[(y * w + x) * channels + b] = (byte) to8Bits(raster.getSample(x, y, b), cm.getComponentSize(b));
                    }
                }
            }
        } else {
            channels = cm.hasAlpha() ? 4 : 3;
            int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
            out = new byte[h * w * channels];
            for (int p = 0; p < argb.length; p++) {
                out[p * channels] = (byte) (argb[p] >> 16);
                out[p * channels + 1] = (byte) (argb[p] >> 8);
                out[p * channels + 2] = (byte) argb[p];
                if (channels == 4) out[p * channels + 3] = (byte) (argb[p] >>> 24);
            }
        }
        return Tensor.ofUint8(channels == 1 ? new long[] {h, w} : new long[] {h, w, channels}, out);
    }

    private static int to8Bits(int sample, int bits) {
        if (bits == 8) return sample;
        return bits > 8 ? sample >> (bits - 8) : sample * 255 / ((1 << bits) - 1);
    }

    /** Writes a uint8 [H, W], [H, W, 1], [H, W, 3] or [H, W, 4] tensor in the format the file name's extension says. */
    public static void write(Path file, Tensor t) {
        long[] s = t.shape();
        int channels = s.length == 2 ? 1 : s.length == 3 ? (int) s[2] : 0;
        if (t.dtype() != DType.UINT8 || channels == 0 || channels == 2 || channels > 4) {
            throw new NnlError("save_image needs a uint8 tensor [height, width] (gray), [height, width, 3] (RGB) or"
                    + " [height, width, 4] (RGBA), got " + t.dtype() + " " + Shapes.show(s),
                    "scale and cast pixels in [0, 1] first: cast(x * 255, uint8)");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String format = name.endsWith(".png") ? "png" : name.endsWith(".jpg") || name.endsWith(".jpeg") ? "jpeg"
                : name.endsWith(".bmp") ? "bmp" : null;
        if (format == null) throw new NnlError("cannot tell the picture format of " + file, "name it .png, .jpg, .jpeg or .bmp");
        if (channels == 4 && !format.equals("png")) {
            throw new NnlError(format.toUpperCase(Locale.ROOT) + " has no alpha channel, but the tensor has 4 channels",
                    "save as .png, or drop the alpha channel: x[:, :, :3]");
        }
        BufferedImage image = image(t.bytes(), (int) s[0], (int) s[1], channels);
        try {
            AtomicFile.write(file, out -> {
                if (!ImageIO.write(image, format, out)) throw new IOException("no " + format + " writer for this picture");
            });
        } catch (IOException e) {
            throw FileErrors.cannotWrite(file, e);
        }
    }

    private static BufferedImage image(byte[] pixels, int h, int w, int channels) {
        if (channels == 1) {
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setDataElements(0, 0, w, h, pixels);
            return image;
        }
        int[] argb = new int[h * w];
        for (int p = 0; p < argb.length; p++) {
            int alpha = channels == 4 ? pixels[p * 4 + 3] & 0xFF : 0xFF;
            argb[p] = alpha << 24 | (pixels[p * channels] & 0xFF) << 16 | (pixels[p * channels + 1] & 0xFF) << 8 | pixels[p * channels + 2] & 0xFF;
        }
        BufferedImage image = new BufferedImage(w, h, channels == 4 ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, w, h, argb, 0, w);
        return image;
    }

    private static NnlError bad(Path file, String what) {
        return new NnlError("cannot read the picture " + file + ": " + what);
    }
}
