package io.aftercart.gateway.web;

import io.aftercart.gateway.internal.ManagedWriteKeys;
import io.aftercart.platform.web.BadInputException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Write keys per event source (admins only); a new key is shown in the answer to its creation and never again. */
@RestController
@RequestMapping("/api/v1/admin/write-keys")
public class WriteKeysController {

    public record NewWriteKey(String source) {
    }

    private final ManagedWriteKeys writeKeys;

    public WriteKeysController(ManagedWriteKeys writeKeys) {
        this.writeKeys = writeKeys;
    }

    @GetMapping
    public List<ManagedWriteKeys.WriteKey> list() {
        return writeKeys.list();
    }

    @PostMapping
    public ResponseEntity<ManagedWriteKeys.Created> create(@RequestBody NewWriteKey request, Authentication caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(writeKeys.create(request.source(), caller.getName()));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> revoke(@PathVariable String id) {
        if (!writeKeys.revoke(id)) {
            throw new BadInputException(HttpStatus.NOT_FOUND, "Unknown write key", "No live write key has this id",
                    "id");
        }
        return ResponseEntity.noContent().build();
    }
}
