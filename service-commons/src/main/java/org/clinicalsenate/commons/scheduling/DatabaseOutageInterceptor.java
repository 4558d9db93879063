package org.clinicalsenate.commons.scheduling;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.clinicalsenate.commons.database.DatabaseOutage;
import org.jboss.logging.Logger;

/** See {@link QuietDuringDatabaseOutage}. */
@QuietDuringDatabaseOutage
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class DatabaseOutageInterceptor {

    private static final Logger LOG = Logger.getLogger(DatabaseOutageInterceptor.class);

    /** The jobs that found the database unavailable on their last run. */
    private static final Set<String> WAITING = ConcurrentHashMap.newKeySet();

    @AroundInvoke
    Object quietly(InvocationContext context) throws Exception {
        String job = name(context.getMethod());
        try {
            Object result = context.proceed();
            if (WAITING.remove(job)) {
                LOG.infof("%s: the database is back, the job runs again", job);
            }
            return result;
        } catch (Exception e) {
            if (!DatabaseOutage.causes(e)) {
                throw e;
            }
            if (WAITING.add(job)) {
                LOG.warnf("%s: the database is unavailable (%s); the job tries again at each run until it is back",
                        job, DatabaseOutage.describe(e));
            }
            return null;
        }
    }

    private static String name(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
