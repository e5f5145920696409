package io.aftercart.gateway.web;

import io.aftercart.gateway.Role;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The dashboard's pages. They are server-rendered shells; each page's script fetches the public APIs from the
 * browser (same origin, the session cookie), so the dashboard sees exactly what the signed-in user may see through
 * the API, in the all-in-one and behind the gateway's routes alike.
 */
@Controller
@Hidden
public class DashboardController {

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    /** Where a refused page request is forwarded; the refusal's 403 status stays on the response. */
    @RequestMapping("/denied")
    public String denied(Model model, Authentication caller) {
        return page(model, caller, "denied", "Not allowed");
    }

    @GetMapping("/")
    public String overview(Model model, Authentication caller) {
        return page(model, caller, "overview", "Overview");
    }

    @GetMapping("/retention")
    public String retention(Model model, Authentication caller) {
        return page(model, caller, "retention", "Retention");
    }

    @GetMapping("/experience")
    public String experience(Model model, Authentication caller) {
        return page(model, caller, "experience", "Customer experience");
    }

    @GetMapping("/customers")
    public String customers(Model model, Authentication caller) {
        return page(model, caller, "customers", "Customers");
    }

    @GetMapping("/customers/{customerId}")
    public String customer(@PathVariable String customerId, Model model, Authentication caller) {
        model.addAttribute("customerId", customerId);
        return page(model, caller, "customer", "Customer");
    }

    @GetMapping("/models")
    public String models(Model model, Authentication caller) {
        return page(model, caller, "models", "Models");
    }

    @GetMapping("/pipeline")
    public String pipeline(Model model, Authentication caller) {
        return page(model, caller, "pipeline", "Pipeline health");
    }

    @GetMapping("/account")
    public String account(Model model, Authentication caller) {
        return page(model, caller, "account", "Account");
    }

    @GetMapping("/admin")
    public String admin(Model model, Authentication caller) {
        return page(model, caller, "admin", "Administration");
    }

    private static String page(Model model, Authentication caller, String page, String title) {
        model.addAttribute("page", page);
        model.addAttribute("title", title);
        model.addAttribute("username", caller == null ? null : caller.getName());
        model.addAttribute("analyst", Roles.has(caller, Role.ANALYST));
        model.addAttribute("admin", Roles.has(caller, Role.ADMIN));
        return page;
    }
}
