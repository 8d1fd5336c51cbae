package org.triplehelix.access;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * {@code @ExtendWith(RunAsSystem.class)} on a Spring integration test: each test method runs as
 * platform work ({@link DataScope#asSystem}), for tests of services whose permissions are tested
 * elsewhere (the authorization matrices).
 */
public class RunAsSystem implements InvocationInterceptor {

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                    ExtensionContext context) throws Throwable {
        DataScope scope = SpringExtension.getApplicationContext(context).getBean(DataScope.class);
        Throwable[] failure = new Throwable[1];
        scope.asSystem(() -> {
            try {
                invocation.proceed();
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }
}
