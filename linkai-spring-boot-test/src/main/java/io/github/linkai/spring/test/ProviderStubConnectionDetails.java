package io.github.linkai.spring.test;

import io.github.linkai.spring.autoconfigure.LinkAiConnectionDetails;

/**
 * Points every configured client at a {@link ProviderStub}: its base URL for the client's provider and the
 * credential it accepts, whatever the properties say.
 */
final class ProviderStubConnectionDetails implements LinkAiConnectionDetails {

	private final ProviderStub stub;

	ProviderStubConnectionDetails(ProviderStub stub) {
		this.stub = stub;
	}

	@Override
	public Connection getConnection(String clientName, String provider) {
		return new Connection(this.stub.baseUrl(provider), this.stub.apiKey());
	}

	@Override
	public String toString() {
		return "ProviderStubConnectionDetails[" + this.stub.baseUrl() + "]";
	}

}
