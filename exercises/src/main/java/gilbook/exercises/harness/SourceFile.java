package gilbook.exercises.harness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a learner's file and refuses what cannot be an exercise: a missing, empty, binary or
 * oversized file. Each refusal says what to do next.
 */
public final class SourceFile {
  /** Larger than any exercise needs; beyond it the file is surely not Java. */
  static final long MAX_BYTES = 1 << 20;

  private SourceFile() {}

  /** The file's text, or the problem that stops it from being loaded. */
  public static Result read(Path file, String resetHint) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        return Result.problem("the file is over 1 MB, which no exercise needs. " + resetHint);
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Result.problem("the file does not exist. " + resetHint);
    } catch (IOException e) {
      return Result.problem("the file could not be read (" + e.getMessage() + ")");
    }
    for (byte b : bytes) {
      if (b == 0) {
        return Result.problem("the file is binary, not Java source. " + resetHint);
      }
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return Result.problem("the file is not UTF-8 text. " + resetHint);
    }
    if (text.isBlank()) {
      return Result.problem("the file is empty. " + resetHint);
    }
    return new Result(text, null);
  }

  /** Either the text or a problem. */
  public record Result(String text, Problem problem) {
    static Result problem(String message) {
      return new Result(null, new Problem(Problem.Kind.FILE, 0, 0, message));
    }

    public Optional<Problem> failure() {
      return Optional.ofNullable(problem);
    }
  }
}
