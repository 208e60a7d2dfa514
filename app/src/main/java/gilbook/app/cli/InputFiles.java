package gilbook.app.cli;

import gilbook.app.engine.EngineException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the paths a command was given before any work starts, so that a mistyped path is a usage
 * error (exit code 2) whose message names the path and the next step, the same in every command.
 */
final class InputFiles {
  /** Far beyond any listing or source file; reading more would only fill this JVM's heap. */
  private static final long MAX_TEXT_BYTES = 16L << 20;

  private InputFiles() {}

  /**
   * {@code file}, when it is an existing regular file.
   *
   * @param nextStep what to do instead, as a sentence
   * @throws EngineException naming the path otherwise
   */
  static Path existing(Path file, String nextStep) {
    if (Files.isDirectory(file)) {
      throw new EngineException(shown(file) + " is a folder, not a file. " + nextStep);
    }
    if (!Files.isRegularFile(file)) {
      throw new EngineException("no file at " + shown(file) + ". " + nextStep);
    }
    return file;
  }

  /**
   * The text of {@code file}, which must exist and be UTF-8 text (a binary file cannot be a listing
   * or source, and decoding it would only say "Input length = 1").
   *
   * @param what what the file should be, as in "a dis listing"
   * @param nextStep what to do instead, as a sentence
   */
  static String text(Path file, String what, String nextStep) {
    byte[] bytes;
    try {
      if (Files.size(existing(file, nextStep)) > MAX_TEXT_BYTES) {
        throw new EngineException(
            shown(file) + " is over 16 MB, too large to be " + what + ". " + nextStep);
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new EngineException("could not read " + shown(file) + ": " + e.getMessage(), e);
    }
    String notText = shown(file) + " is not text, so it is not " + what + ". " + nextStep;
    for (byte b : bytes) {
      if (b == 0) {
        throw new EngineException(notText);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new EngineException(notText);
    }
  }

  /**
   * Checks that a file can be written at {@code out} (given with {@code option}): its folder must
   * exist, so the run is not wasted on an output that cannot be saved.
   */
  static void writable(Path out, String option) {
    if (Files.isDirectory(out)) {
      throw new EngineException(
          option
              + " "
              + shown(out)
              + " is a folder; name a file, like "
              + out.resolve("trace.json"));
    }
    Path folder = out.toAbsolutePath().getParent();
    if (folder != null && !Files.isDirectory(folder)) {
      throw new EngineException(
          option
              + " "
              + shown(out)
              + ": there is no folder "
              + folder
              + ". Create it first, or write the file somewhere else.");
    }
  }

  /** The path as given, and where that is when it was relative. */
  static String shown(Path file) {
    return file.isAbsolute() ? file.toString() : file + " (" + file.toAbsolutePath() + ")";
  }
}
