package dev.kafkaworkbook.delivery;

import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The downstream database of 3.3: a fresh H2 database in this JVM's memory, which a child JVM reaches over loopback
 * (H2's TCP server), so that the processor writing to it can crash for real while the data outlive it. A transaction
 * the child left open when it died is rolled back when its connection drops, as on any database server.
 */
final class LedgerDatabase implements AutoCloseable {

    static {
        // H2 reads this once, when its classes load: its server listens on loopback only.
        System.setProperty("h2.bindAddress", "127.0.0.1");
    }

    private final String name = "ledger_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    /** Keeps the in-memory database alive between the learner's connections. */
    private final Connection keepAlive;
    private Server server;

    private LedgerDatabase() throws SQLException {
        keepAlive = local().getConnection();
    }

    static LedgerDatabase create() {
        try {
            return new LedgerDatabase();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the in-memory database: " + e, e);
        }
    }

    /** The database for code in this JVM. */
    DataSource local() {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return source;
    }

    /** The URL a child JVM connects with; starts the TCP server the first time. */
    synchronized String remoteUrl() {
        try {
            if (server == null) {
                server = Server.createTcpServer("-tcpPort", "0").start();
            }
            return "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:" + name;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not serve the in-memory database on loopback: " + e, e);
        }
    }

    static DataSource remote(String url) {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(url);
        return source;
    }

    /** The natural keys in order_events, one per row ({@code order-4f2a91/e3}). */
    List<String> eventRows() throws SQLException {
        List<String> rows = new ArrayList<>();
        query("SELECT order_id, event_id FROM order_events", r -> rows.add(r.getString(1) + "/" + r.getString(2)));
        return rows;
    }

    /** order_totals: total_cents by order id. */
    Map<String, Long> totals() throws SQLException {
        Map<String, Long> totals = new LinkedHashMap<>();
        query("SELECT order_id, total_cents FROM order_totals", r -> totals.put(r.getString(1), r.getLong(2)));
        return totals;
    }

    /** order_totals: event_count by order id. */
    Map<String, Integer> eventCounts() throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        query("SELECT order_id, event_count FROM order_totals", r -> counts.put(r.getString(1), r.getInt(2)));
        return counts;
    }

    @FunctionalInterface
    private interface Row {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, Row row) throws SQLException {
        try (Statement statement = keepAlive.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                row.read(rows);
            }
        }
    }

    /** The database's own connection, for metadata (keys, indexes). */
    Connection connection() {
        return keepAlive;
    }

    @Override
    public synchronized void close() throws SQLException {
        if (server != null) {
            server.stop();
        }
        try (Statement statement = keepAlive.createStatement()) {
            statement.execute("SHUTDOWN");
        } finally {
            keepAlive.close();
        }
    }
}
