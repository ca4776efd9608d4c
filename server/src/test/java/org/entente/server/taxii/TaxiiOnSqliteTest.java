package org.entente.server.taxii;

import java.nio.file.Path;
import org.entente.server.NodeConfig;

class TaxiiOnSqliteTest extends TaxiiEndToEndContract {
    @Override
    NodeConfig config(Path data) {
        return NodeConfig.local(data, 0);
    }
}
