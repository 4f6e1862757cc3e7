package dev.kafkaworkbook.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Correct, another way: INSERT, and a duplicate-key error (SQLState 23505) means "already applied"; one transaction. */
public final class OrderLedger {

    private static final String DUPLICATE_KEY = "23505";

    private final DataSource database;

    public OrderLedger(DataSource database) {
        this.database = database;
    }

    public void createSchema() throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE order_events (order_id VARCHAR(64) NOT NULL, event_id VARCHAR(64) NOT NULL, "
                    + "customer VARCHAR(64), amount_cents BIGINT)");
            sql.execute("CREATE UNIQUE INDEX order_events_natural_key ON order_events (order_id, event_id)");
            sql.execute("CREATE TABLE order_totals (order_id VARCHAR(64) PRIMARY KEY, total_cents BIGINT, event_count INT)");
        }
    }

    public void apply(ConsumerRecord<String, OrderEvent> record) throws SQLException {
        OrderEvent event = record.value();
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO order_events VALUES (?, ?, ?, ?)");
                 PreparedStatement total = connection.prepareStatement("""
                         MERGE INTO order_totals KEY (order_id)
                         VALUES (?, COALESCE((SELECT total_cents FROM order_totals WHERE order_id = ?), 0) + ?,
                                 COALESCE((SELECT event_count FROM order_totals WHERE order_id = ?), 0) + 1)""")) {
                insert.setString(1, event.orderId());
                insert.setString(2, event.eventId());
                insert.setString(3, event.customer());
                insert.setLong(4, event.amountCents());
                insert.executeUpdate();
                total.setString(1, event.orderId());
                total.setString(2, event.orderId());
                total.setLong(3, event.amountCents());
                total.setString(4, event.orderId());
                total.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }
}
