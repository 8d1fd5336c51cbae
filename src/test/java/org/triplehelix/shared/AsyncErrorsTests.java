package org.triplehelix.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** An asynchronous method's exception: an unexpected one is an ERROR with its trace, one to be retried is not. */
@ExtendWith(OutputCaptureExtension.class)
class AsyncErrorsTests {

    private final AsyncErrors.Handler handler = new AsyncErrors.Handler();

    @Test
    void anUnexpectedExceptionIsLoggedAtErrorWithItsStackTrace(CapturedOutput output) throws Exception {
        handler.handleUncaughtException(new IllegalStateException("index closed"), method());

        assertThat(output.getAll()).contains("Unexpected exception occurred invoking async method")
                .contains("java.lang.IllegalStateException: index closed").contains("at org.triplehelix.shared.AsyncErrorsTests.");
    }

    @Test
    void aFailureToBeRetriedIsNoError(CapturedOutput output) throws Exception {
        handler.handleUncaughtException(new RetriedLater("mail server down"), method());

        assertThat(output.getAll()).doesNotContain("Unexpected exception").doesNotContain("ERROR");
    }

    private static Method method() throws NoSuchMethodException {
        return AsyncErrorsTests.class.getDeclaredMethod("method");
    }
}
