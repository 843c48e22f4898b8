package cn.changning.governance.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.HttpRequestHandler;

import java.io.IOException;

/**
 * Everything that reaches the error page (a filter's exception, an unknown path, 405/406/415 found by the dispatcher,
 * {@code sendError} anywhere) answers {@code application/problem+json}, whatever the request accepts: Boot's
 * BasicErrorController would answer an HTML page to a browser-like {@code Accept} and its attributes to others.
 * The exception is never described; Tomcat and Spring log it. A plain handler mapped to the error path, not a
 * {@code @RequestMapping}, so that no API document (springdoc) lists the error page as an operation.
 */
public class ProblemErrorController implements ErrorController, HttpRequestHandler {

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // A direct call of the error path is not an error of anything: nothing is here.
        int status = code instanceof Integer c && c >= 400 ? c : 404;
        Problems.write(response, status);
    }
}
