package io.github.linkai.spring.test;

import io.github.linkai.spring.autoconfigure.LinkAiConnectionDetails;
import org.jspecify.annotations.Nullable;

/**
 * Points every configured client of a provider the {@link ProviderStub} serves at it: its
 * base URL for the client's provider and the credential it accepts, whatever the
 * properties say. A client of another provider (one an application adds through the
 * provider SPI) keeps its properties.
 */
final class ProviderStubConnectionDetails implements LinkAiConnectionDetails {

	private final ProviderStub stub;

	ProviderStubConnectionDetails(ProviderStub stub) {
		this.stub = stub;
	}

	@Override
	public @Nullable Connection getConnection(String clientName, String provider) {
		for (StubEndpoint endpoint : StubEndpoint.values()) {
			if (endpoint.provider().equals(provider)) {
				return new Connection(this.stub.baseUrl(provider), this.stub.apiKey());
			}
		}
		return null;
	}

	@Override
	public String toString() {
		return "ProviderStubConnectionDetails[" + this.stub.baseUrl() + "]";
	}

}
