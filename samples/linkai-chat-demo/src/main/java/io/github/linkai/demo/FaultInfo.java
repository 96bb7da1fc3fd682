package io.github.linkai.demo;

/**
 * A fault the stub can act out, as {@code GET /api/faults} lists it.
 *
 * @param marker what to put in a message to ask for it, e.g. {@code [fault:429]}
 * @param label a short description for the page's menu
 */
public record FaultInfo(String marker, String label) {

	static FaultInfo of(DemoFault fault) {
		return new FaultInfo(fault.marker(), fault.label());
	}

}
