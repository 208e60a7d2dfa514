package gilbook.exercises.grading;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs one exercise's JUnit 5 check class and collects a verdict per check, in order. */
public final class CheckRunner {
  private CheckRunner() {}

  public static List<CheckResult> run(Class<?> checks) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(checks))
            .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
            .build();
    List<CheckResult> results = Collections.synchronizedList(new ArrayList<>());
    Launcher launcher = LauncherFactory.create();
    launcher.execute(
        request,
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) {
              boolean ok = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
              String message =
                  ok
                      ? ""
                      : result
                          .getThrowable()
                          .map(CheckRunner::message)
                          .orElse("the check was aborted");
              results.add(new CheckResult(id.getDisplayName(), ok, message));
            }
          }

          @Override
          public void executionSkipped(TestIdentifier id, String reason) {
            if (id.isTest()) {
              results.add(new CheckResult(id.getDisplayName(), false, "skipped: " + reason));
            }
          }
        });
    if (results.isEmpty()) {
      results.add(
          new CheckResult(
              checks.getSimpleName(),
              false,
              "the check class ran no checks: it failed before any check started"));
    }
    return List.copyOf(results);
  }

  private static String message(Throwable t) {
    if (t instanceof AssertionError) {
      return String.valueOf(t.getMessage());
    }
    return "Expected: the check to run your code\nGot:      "
        + Feedback.raised(t)
        + "\nTry:      fix what the message names, then check again.";
  }
}
