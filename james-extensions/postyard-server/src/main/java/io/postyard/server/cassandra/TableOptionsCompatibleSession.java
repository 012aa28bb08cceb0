package io.postyard.server.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.session.Request;
import com.datastax.oss.driver.api.core.type.reflect.GenericType;
import com.datastax.oss.driver.internal.core.session.SessionWrapper;

/**
 * James 3.8.1 declares its tables' compression with options Cassandra 5 no longer takes inside {@code compression}:
 * {@code chunk_length_kb} (now {@code chunk_length_in_kb}) and {@code crc_check_chance} (now a table option, 1.0 by
 * default, the value James asks for). This session rewrites the statements that carry them; every other request
 * passes through untouched.
 */
final class TableOptionsCompatibleSession extends SessionWrapper implements CqlSession {
    private static final String OLD_OPTION = "'chunk_length_kb'";
    private static final String NEW_OPTION = "'chunk_length_in_kb'";
    private static final java.util.regex.Pattern CRC_CHECK_CHANCE = java.util.regex.Pattern.compile(",\\s*'crc_check_chance'\\s*:\\s*[0-9.]+");

    TableOptionsCompatibleSession(CqlSession delegate) {
        super(delegate);
    }

    @Override
    public <RequestT extends Request, ResultT> ResultT execute(RequestT request, GenericType<ResultT> resultType) {
        if (request instanceof SimpleStatement statement && statement.getQuery().contains(OLD_OPTION)) {
            String query = CRC_CHECK_CHANCE.matcher(statement.getQuery().replace(OLD_OPTION, NEW_OPTION)).replaceAll("");
            return super.execute(statement.setQuery(query), resultType);
        }
        return super.execute(request, resultType);
    }
}
