package gilbook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The runtime's module descriptor exports every package but {@code gilbook.runtime.internal}, and
 * opens nothing. The tests run on the class path, so this reads the compiled descriptor itself.
 */
class ModuleTests {

  private static ModuleDescriptor descriptor() throws URISyntaxException {
    Path classes =
        Path.of(Interpreter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return ModuleFinder.of(classes).find("gilbook.runtime").orElseThrow().descriptor();
  }

  @Test
  void everyPackageButInternalIsExported() throws URISyntaxException {
    ModuleDescriptor module = descriptor();
    Set<String> expected = new TreeSet<>(module.packages());
    expected.remove("gilbook.runtime.internal");
    Set<String> exported = new TreeSet<>();
    for (ModuleDescriptor.Exports e : module.exports()) {
      assertTrue(e.targets().isEmpty(), "exported to everyone, not qualified: " + e);
      exported.add(e.source());
    }
    assertEquals(expected, exported, "a new package needs a line in module-info.java");
  }

  @Test
  void nothingIsOpenedAndNothingIsRequiredButJavaBase() throws URISyntaxException {
    ModuleDescriptor module = descriptor();
    assertTrue(module.opens().isEmpty(), module.opens().toString());
    assertFalse(module.isOpen(), "the module is not open");
    assertEquals(
        Set.of("java.base"),
        module.requires().stream()
            .map(ModuleDescriptor.Requires::name)
            .collect(Collectors.toSet()));
  }
}
