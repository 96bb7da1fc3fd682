package io.github.linkai.spring.web;

import io.github.linkai.spring.client.error.ChatClientException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Renders every {@link ChatClientException} that reaches a controller as a problem detail
 * ({@link ChatProblemDetails}), in Spring MVC and in WebFlux alike: both resolve
 * {@code @ControllerAdvice} {@code @ExceptionHandler} methods and fill the problem's
 * {@code instance} with the request path.
 *
 * <p>
 * Ordered last, so the application's own handling wins: an {@code @ExceptionHandler} in
 * the controller, or any {@code @ControllerAdvice} of the application that handles the
 * exception (or a supertype such as {@code Exception}). The response for a streamed
 * answer that already began cannot change its status; use {@link ChatServerSentEvents}
 * there.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ChatClientExceptionHandler {

	private static final Log logger = LogFactory.getLog(ChatClientExceptionHandler.class);

	/**
	 * The exception as a problem detail with its status and, when the provider said,
	 * {@code Retry-After}.
	 */
	@ExceptionHandler
	public ResponseEntity<ProblemDetail> handleChatClientException(ChatClientException error) {
		ResponseEntity<ProblemDetail> response = ChatProblemDetails.toResponseEntity(error);
		ProblemDetail problem = response.getBody();
		if (problem != null) {
			ChatProblemDetails.log(logger, "Chat call failed", error, problem);
		}
		return response;
	}

}
