package org.clinicalsenate.commons.input;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/**
 * The HTTP parameters a resource method takes, by their names in the contract ({@code If-Match},
 * {@code limit}), found on the generated interface the resource implements.
 */
public final class HttpParameters {

    public enum Source { PATH, QUERY, HEADER, BODY }

    /**
     * One parameter of a method: where it comes from, its HTTP name, its Java type, and whether an
     * empty value is refused (the contract gives it a minimum length or a pattern).
     */
    public record Parameter(int index, Source source, String name, Class<?> type, boolean nonEmpty) {
    }

    private static final Map<Method, List<Parameter>> CACHE = new ConcurrentHashMap<>();

    private HttpParameters() {
    }

    public static List<Parameter> of(Method method) {
        return CACHE.computeIfAbsent(method, HttpParameters::find);
    }

    /** The parameter at an index of a method of a resource class, or null when unknown. */
    public static Parameter at(Class<?> resource, String methodName, List<Class<?>> types, int index) {
        try {
            List<Parameter> parameters = of(resource.getMethod(methodName, types.toArray(Class<?>[]::new)));
            return index < parameters.size() ? parameters.get(index) : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static List<Parameter> find(Method method) {
        Annotation[][] annotations = annotated(method, method.getDeclaringClass());
        List<Parameter> parameters = new ArrayList<>();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            Source source = Source.BODY;
            String name = "body";
            boolean nonEmpty = false;
            for (Annotation a : annotations == null ? new Annotation[0] : annotations[i]) {
                if (a instanceof PathParam p) {
                    source = Source.PATH;
                    name = p.value();
                } else if (a instanceof QueryParam q) {
                    source = Source.QUERY;
                    name = q.value();
                } else if (a instanceof HeaderParam h) {
                    source = Source.HEADER;
                    name = h.value();
                } else if (a instanceof Size size && size.min() > 0 || a instanceof Pattern) {
                    nonEmpty = true;
                }
            }
            parameters.add(new Parameter(i, source, name, types[i], nonEmpty));
        }
        return List.copyOf(parameters);
    }

    /** The parameter annotations of the method or of the one it implements that carries them. */
    private static Annotation[][] annotated(Method method, Class<?> type) {
        if (type == null) {
            return null;
        }
        try {
            Method candidate = type.getDeclaredMethod(method.getName(), method.getParameterTypes());
            for (Annotation[] parameter : candidate.getParameterAnnotations()) {
                for (Annotation a : parameter) {
                    if (a instanceof PathParam || a instanceof QueryParam || a instanceof HeaderParam) {
                        return candidate.getParameterAnnotations();
                    }
                }
            }
        } catch (NoSuchMethodException e) {
            // not declared here: look further up
        }
        for (Class<?> implemented : type.getInterfaces()) {
            Annotation[][] found = annotated(method, implemented);
            if (found != null) {
                return found;
            }
        }
        return annotated(method, type.getSuperclass());
    }
}
