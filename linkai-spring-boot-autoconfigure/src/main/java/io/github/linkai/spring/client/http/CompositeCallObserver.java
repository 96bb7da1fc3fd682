package io.github.linkai.spring.client.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.linkai.spring.client.ChatChunk;
import io.github.linkai.spring.client.ChatResponse;
import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/** Several {@link CallObserver}s as one, each told every signal in order. */
final class CompositeCallObserver implements CallObserver {

	private final List<CallObserver> observers;

	CompositeCallObserver(List<CallObserver> observers) {
		this.observers = observers;
	}

	@Override
	public Call start(CallStart call, ContextView context) {
		List<Call> calls = new ArrayList<>(this.observers.size());
		for (CallObserver observer : this.observers) {
			calls.add(observer.start(call, context));
		}
		return new Calls(calls);
	}

	private record Calls(List<Call> calls) implements Call {

		@Override
		public Context context(Context context) {
			Context result = context;
			for (Call call : this.calls) {
				result = call.context(result);
			}
			return result;
		}

		@Override
		public void retrying(Throwable error, Duration delay) {
			this.calls.forEach((call) -> call.retrying(error, delay));
		}

		@Override
		public void chunk(ChatChunk chunk) {
			this.calls.forEach((call) -> call.chunk(chunk));
		}

		@Override
		public void succeeded(@Nullable ChatResponse response) {
			this.calls.forEach((call) -> call.succeeded(response));
		}

		@Override
		public void failed(Throwable error) {
			this.calls.forEach((call) -> call.failed(error));
		}

		@Override
		public void cancelled() {
			this.calls.forEach(Call::cancelled);
		}

	}

}
