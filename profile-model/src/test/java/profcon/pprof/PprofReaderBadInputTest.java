package profcon.pprof;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that are not good profiles fail with one line naming the file and the fault. */
class PprofReaderBadInputTest {
    @TempDir
    Path tmp;

    @Test
    void decompressionBombIsRefusedAtTheCap() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(new byte[4 << 20]); // 4 MB of zeros, a few KB compressed
        }
        String previous = System.setProperty("profcon.maxProfileBytes", Long.toString(1 << 20));
        try {
            assertThatThrownBy(() -> PprofReader.parse(gz.toByteArray(), "bomb.pb.gz"))
                    .isInstanceOf(ProfileFormatException.class)
                    .hasMessage("bomb.pb.gz: decompresses to more than 1048576 bytes; refusing it as a possible "
                            + "decompression bomb (-Dprofcon.maxProfileBytes)");
        } finally {
            if (previous == null) {
                System.clearProperty("profcon.maxProfileBytes");
            } else {
                System.setProperty("profcon.maxProfileBytes", previous);
            }
        }
    }

    @Test
    void protobufThatIsNotAProfile() throws Exception {
        byte[] other = message(out -> out.writeInt64(1, 42)); // sample_type must be a message, not a number
        assertThatThrownBy(() -> PprofReader.parse(other, "other.pb"))
                .isInstanceOf(ProfileFormatException.class)
                .hasMessage("other.pb: not a pprof profile (field 1 has wire type 0, expected 2)");
    }

    @Test
    void sampleReferringToAMissingLocation() throws Exception {
        byte[] valueType = message(vt -> vt.writeInt64(1, 1));
        byte[] sample = message(s -> {
            s.writeUInt64(1, 99);
            s.writeInt64(2, 1);
        });
        byte[] profile = message(p -> {
            p.writeByteArray(1, valueType);
            p.writeByteArray(2, sample);
            p.writeString(6, "");
            p.writeString(6, "samples");
        });
        assertThatThrownBy(() -> PprofReader.parse(profile, "ids.pb"))
                .isInstanceOf(ProfileFormatException.class)
                .hasMessage("ids.pb: sample 0 refers to unknown location id 99");
    }

    @Test
    void stringIndexOutsideTheTable() throws Exception {
        byte[] valueType = message(vt -> vt.writeInt64(1, 7));
        byte[] profile = message(p -> {
            p.writeByteArray(1, valueType);
            p.writeString(6, "");
        });
        assertThatThrownBy(() -> PprofReader.parse(profile, "strings.pb"))
                .isInstanceOf(ProfileFormatException.class)
                .hasMessage("strings.pb: string index 7 is outside the string table of 1");
    }

    @Test
    void directoriesAndMissingFiles() {
        assertThatThrownBy(() -> PprofReader.read(tmp)).isInstanceOf(ProfileFormatException.class)
                .hasMessageEndingWith(": is a directory, not a profile");
        assertThatThrownBy(() -> PprofReader.read(tmp.resolve("none.pb.gz"))).isInstanceOf(ProfileFormatException.class)
                .hasMessageEndingWith("none.pb.gz: no such file");
    }

    @Test
    void unreadableFile() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "running as root, every file is readable: skipping");
        Path file = Files.write(tmp.resolve("locked.pb.gz"), new byte[] {1, 2, 3});
        file.toFile().setReadable(false);
        assertThatThrownBy(() -> PprofReader.read(file)).isInstanceOf(ProfileFormatException.class)
                .hasMessageContaining("cannot be read (permission denied)");
    }

    private interface Body {
        void write(CodedOutputStream out) throws Exception;
    }

    private static byte[] message(Body body) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        body.write(out);
        out.flush();
        return bytes.toByteArray();
    }
}
