package org.clinicalsenate.commons.scheduling;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * On a scheduled job: while the database is out of reach, a run ends quietly (one WARN line when
 * the outage starts, one INFO line when the job works again) instead of logging a stack trace every
 * tick; the next run tries again. Any other failure is thrown as before.
 */
@InterceptorBinding
@Target({ METHOD, TYPE })
@Retention(RUNTIME)
public @interface QuietDuringDatabaseOutage {
}
