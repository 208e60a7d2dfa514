package gilbook.app.gui.lesson;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A lesson file's text, read so that it always yields something to show. An unreadable file gives
 * empty text and a notice; bytes that are not UTF-8 become U+FFFD and a notice. Immutable and
 * thread-safe.
 *
 * @param text the markdown
 * @param notices what went wrong while reading, empty when nothing did
 */
record LessonSource(String text, List<String> notices) {

  LessonSource {
    notices = List.copyOf(notices);
  }

  /** Reads {@code file} as UTF-8, never throwing for a missing, unreadable or mis-encoded file. */
  static LessonSource read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new LessonSource("", List.of("lesson file not found: " + file));
    } catch (IOException | SecurityException e) {
      return new LessonSource("", List.of("cannot read lesson file " + file + ": " + e));
    }
    return decode(bytes);
  }

  /** Decodes {@code bytes} as UTF-8, replacing and reporting malformed sequences. */
  static LessonSource decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      return new LessonSource(strictUtf8().decode(in).toString(), List.of());
    } catch (CharacterCodingException e) {
      // The strict decoder stops with the buffer positioned at the first bad byte.
      String notice =
          "this lesson is not valid UTF-8 (first bad byte at offset "
              + in.position()
              + "); bad bytes show as \uFFFD. Save the file as UTF-8.";
      String text = new String(bytes, StandardCharsets.UTF_8); // replaces bad bytes with U+FFFD
      return new LessonSource(text, List.of(notice));
    }
  }

  private static CharsetDecoder strictUtf8() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
