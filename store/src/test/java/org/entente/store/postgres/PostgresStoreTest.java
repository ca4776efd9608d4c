package org.entente.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.store.Store;
import org.entente.store.StoreContract;
import org.entente.store.StoreFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresStoreTest extends StoreContract {
    private static EmbeddedPostgresFixture postgres;
    private String url;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresFixture.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Override
    protected Store openStore() {
        url = postgres.newDatabaseUrl();
        return StoreFactory.open(null, url);
    }

    @Override
    protected void rejectInsertsOf(String objectId) {
        postgres.execute(url, """
                CREATE FUNCTION reject_test_object() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.object_id = '%s' THEN RAISE EXCEPTION 'rejected by the test'; END IF;
                    RETURN NEW;
                END $$""".formatted(objectId));
        postgres.execute(url, "CREATE TRIGGER reject_test_object BEFORE INSERT ON object_versions"
                + " FOR EACH ROW EXECUTE FUNCTION reject_test_object()");
    }

    @Test
    void itIsPostgres() {
        assertThat(store.dialect()).isEqualTo("postgresql");
    }
}
