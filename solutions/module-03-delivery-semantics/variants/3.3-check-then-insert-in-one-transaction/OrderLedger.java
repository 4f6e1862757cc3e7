package dev.kafkaworkbook.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Correct, another way: SELECT, then INSERT and UPDATE, in one serializable transaction. */
public final class OrderLedger {

    private final DataSource database;

    public OrderLedger(DataSource database) {
        this.database = database;
    }

    public void createSchema() throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE order_events (order_id VARCHAR(64), event_id VARCHAR(64), customer VARCHAR(64), "
                    + "amount_cents BIGINT, CONSTRAINT one_row_per_event UNIQUE (event_id, order_id))");
            sql.execute("CREATE TABLE order_totals (order_id VARCHAR(64) PRIMARY KEY, total_cents BIGINT, event_count INT)");
        }
    }

    public void apply(ConsumerRecord<String, OrderEvent> record) throws SQLException {
        OrderEvent event = record.value();
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            try {
                if (!exists(connection, event)) {
                    insert(connection, event);
                    add(connection, event);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static boolean exists(Connection connection, OrderEvent event) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM order_events WHERE order_id = ? AND event_id = ?")) {
            select.setString(1, event.orderId());
            select.setString(2, event.eventId());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void insert(Connection connection, OrderEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO order_events VALUES (?, ?, ?, ?)")) {
            insert.setString(1, event.orderId());
            insert.setString(2, event.eventId());
            insert.setString(3, event.customer());
            insert.setLong(4, event.amountCents());
            insert.executeUpdate();
        }
    }

    private static void add(Connection connection, OrderEvent event) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE order_totals SET total_cents = total_cents + ?, event_count = event_count + 1 WHERE order_id = ?")) {
            update.setLong(1, event.amountCents());
            update.setString(2, event.orderId());
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO order_totals VALUES (?, ?, 1)")) {
            insert.setString(1, event.orderId());
            insert.setLong(2, event.amountCents());
            insert.executeUpdate();
        }
    }
}
