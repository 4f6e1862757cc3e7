package dev.kafkaworkbook.kit.proxies;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A client handed to the learner's code through a recording proxy: every call goes to the real client, and is
 * written down, in order. A grader then judges what the statement asks of the code's use of the client, which the
 * broker cannot show: that a producer it was given is not closed, that it waited for an admin result before
 * returning, that it committed after processing.
 *
 * <pre>{@code
 * Recorder<Producer<String, OrderEvent>> recorder = Recorder.of(Producer.class, producer);
 * OrderEventPublisher.publish(recorder.proxy(), topic, events);
 * feedback.expect("closed", !recorder.called("close"), …);
 * }</pre>
 */
public final class Recorder<T> implements InvocationHandler {

    private final T target;
    private final T proxy;
    private final List<String> calls = new ArrayList<>();
    private final Map<String, UnaryOperator<Object>> results = new ConcurrentHashMap<>();
    private final java.util.Set<String> withheld = ConcurrentHashMap.newKeySet();

    @SuppressWarnings("unchecked")
    private Recorder(Class<?> type, T target) {
        this.target = target;
        this.proxy = (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, this);
    }

    /** A recorder of the calls made to {@code target} through the interface {@code type}. */
    public static <T> Recorder<T> of(Class<? super T> type, T target) {
        return new Recorder<>(type, target);
    }

    /** What to hand to the learner's code. */
    public T proxy() {
        return proxy;
    }

    /**
     * Hands the learner's code, for every call of {@code method}, what {@code replace} makes of the real result
     * (e.g. a result whose futures complete a little later, to tell code that waits from code that does not).
     */
    public Recorder<T> replacingResultOf(String method, UnaryOperator<Object> replace) {
        results.put(method, replace);
        return this;
    }

    /**
     * Records calls of {@code method} without passing them on: a shared client the learner's code must not close
     * stays open for the checks that follow, and the call is still judged.
     */
    public Recorder<T> withholding(String method) {
        withheld.add(method);
        return this;
    }

    /** The names of the methods called, in order. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    public synchronized boolean called(String method) {
        return calls.contains(method);
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> self == args[0];
                case "hashCode" -> System.identityHashCode(self);
                default -> "recorded " + target;
            };
        }
        synchronized (this) {
            calls.add(method.getName());
        }
        if (withheld.contains(method.getName())) {
            return null;
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        UnaryOperator<Object> replace = results.get(method.getName());
        return replace == null ? result : replace.apply(result);
    }
}
