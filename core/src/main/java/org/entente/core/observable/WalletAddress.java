package org.entente.core.observable;

import java.util.Objects;

/**
 * A cryptocurrency wallet address with its currency tag.
 *
 * <p>The tag is not part of the observable's key ({@link #observable()} holds the address only): an
 * address names one key holder on every chain that shares its format (one 0x address is the same account
 * on Ethereum and on every EVM chain), and OpenCTI's {@code cryptocurrency-wallet} carries no currency, so
 * keying on the tag would split matches that should join.
 *
 * @param currency the currency the address's format identifies ({@code BTC}, {@code ETH}), else the one
 *                 declared by the source, uppercased; empty when neither is known
 * @param address  the normalised address
 */
public record WalletAddress(String currency, String address) {
    public WalletAddress {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(address, "address");
    }

    public Observable observable() {
        return new Observable(ObservableKind.CRYPTOCURRENCY_WALLET, address);
    }
}
