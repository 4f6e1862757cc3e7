package dev.kafkaworkbook.kit.delivery;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A database that dies mid-write: a {@link DataSource} whose statements run {@code crash} right after the first
 * statement that changed a row while {@code armed} holds, before the code that issued it takes another step. In a
 * {@link dev.kafkaworkbook.kit.learner.ChildJvm} that halts, the connection drops with whatever it had not committed:
 * a transaction is rolled back whole, while a write made in auto-commit mode stays. So code that writes one fact in
 * two statements shows whether they share a transaction:
 * <pre>{@code
 * DataSource database = WriteCrash.of(h2, () -> applied.get() == 7, context::crash);
 * }</pre>
 * Plain JDBC, whatever the driver: {@code executeUpdate}, {@code executeLargeUpdate}, {@code execute} (its update
 * count) and {@code executeBatch} count as writes when they report changed rows.
 */
public final class WriteCrash {

    private static final Set<String> WRITES = Set.of("executeUpdate", "executeLargeUpdate", "execute", "executeBatch",
            "executeLargeBatch");

    private WriteCrash() {
    }

    public static DataSource of(DataSource database, BooleanSupplier armed, Runnable crash) {
        return proxy(DataSource.class, database, (target, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection connection ? proxy(Connection.class, connection, statements(armed, crash)) : result;
        });
    }

    /** Connections whose statements are watched. */
    private static Handler statements(BooleanSupplier armed, Runnable crash) {
        return (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof Statement statement) {
                Class<?> type = result instanceof CallableStatement ? CallableStatement.class
                        : result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return proxy(type, statement, (real, call, callArgs) -> {
                    Object outcome = invoke(real, call, callArgs);
                    if (WRITES.contains(call.getName()) && changedRows(real, outcome) && armed.getAsBoolean()) {
                        crash.run();
                    }
                    return outcome;
                });
            }
            return result;
        };
    }

    private static boolean changedRows(Object statement, Object outcome) throws Exception {
        if (outcome instanceof Integer count) {
            return count > 0;
        }
        if (outcome instanceof Long count) {
            return count > 0;
        }
        if (outcome instanceof Boolean isQuery) {
            return !isQuery && ((Statement) statement).getUpdateCount() > 0;
        }
        if (outcome instanceof int[] counts) {
            return java.util.Arrays.stream(counts).anyMatch(c -> c > 0 || c == Statement.SUCCESS_NO_INFO);
        }
        return outcome instanceof long[] counts && java.util.Arrays.stream(counts).anyMatch(c -> c > 0);
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, Handler handler) {
        InvocationHandler invocation = (self, method, args) -> switch (method.getName()) {
            case "equals" -> method.getDeclaringClass() == Object.class ? self == args[0] : handler.handle(target, method, args);
            case "hashCode" -> method.getDeclaringClass() == Object.class ? System.identityHashCode(self) : handler.handle(target, method, args);
            case "unwrap" -> ((java.sql.Wrapper) target).unwrap((Class<?>) args[0]);
            default -> handler.handle(target, method, args);
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, invocation);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
