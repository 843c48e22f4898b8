package cn.changning.governance.common.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon when an append hit a unique key (PostgreSQL SQLSTATE 23505), so that a second
 * create of the same aggregate, or two concurrent changes to one, surface as Axon's
 * concurrency exceptions (409) rather than as a failure of the store. Axon's JDBC resolver
 * misses it because the driver wraps the error in a {@code BatchUpdateException}.
 */
public class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
