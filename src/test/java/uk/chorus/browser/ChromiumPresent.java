package uk.chorus.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Decides, before any service starts, whether a browser test class can run: on a developer's
 * machine without Chromium the class is skipped with a message (costing nothing); in CI (CI set)
 * a missing browser is an error, because .ci/run installs it.
 */
final class ChromiumPresent implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Chromium.installed()) {
            return ConditionEvaluationResult.enabled("chromium and chromedriver are on the PATH");
        }
        if (System.getenv("CI") != null) {
            throw new IllegalStateException("chromium and chromedriver must be on the PATH in CI (.ci/run installs them)");
        }
        return ConditionEvaluationResult.disabled("Install chromium and chromium-driver (Debian) to run browser tests; "
                + "in CI (CI set) a missing browser fails them instead");
    }
}
