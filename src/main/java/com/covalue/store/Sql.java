package com.covalue.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small JDBC helper: one statement with positional parameters, its rows read by a {@link Row}.
 * Parameters may be null, {@link LocalDate} (a SQL DATE) or {@link Instant} (a TIMESTAMP).
 */
final class Sql {

    private Sql() {
    }

    /** Reads the current row of a result set, by column name. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        }
    }

    /** The first row, if any; empty too when the row reads as null (say, a MAX over no rows). */
    static <T> Optional<T> first(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(row.read(rs)) : Optional.empty();
            }
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        }
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                s.setNull(i + 1, Types.NULL);
            } else if (p instanceof Integer n) {
                s.setInt(i + 1, n);
            } else if (p instanceof String text) {
                s.setString(i + 1, text);
            } else if (p instanceof LocalDate day) {
                s.setObject(i + 1, Date.valueOf(day));
            } else if (p instanceof Instant instant) {
                s.setObject(i + 1, Timestamp.from(instant));
            } else {
                s.setObject(i + 1, p);
            }
        }
    }
}
