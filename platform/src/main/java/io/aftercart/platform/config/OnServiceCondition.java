package io.aftercart.platform.config;

import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

class OnServiceCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String service = (String) metadata.getAnnotationAttributes(ConditionalOnService.class.getName()).get("value");
        List<String> services = Binder.get(context.getEnvironment())
                .bind("aftercart.services", Bindable.listOf(String.class))
                .orElse(List.of());
        return new AftercartProperties(null, services).runs(service);
    }
}
