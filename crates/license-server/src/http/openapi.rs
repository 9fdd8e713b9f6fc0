//! `GET /api/openapi.json`: the API described in OpenAPI 3.1.

use axum::Json;
use serde_json::{json, Value};

fn problem(description: &str) -> Value {
    json!({"description": description, "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}})
}

fn ok(description: &str, schema: Value) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": schema}}})
}

fn body(schema: Value) -> Value {
    json!({"required": true, "content": {"application/json": {"schema": schema}}})
}

pub async fn document() -> Json<Value> {
    let any = json!({"type": "object"});
    let serial_param = json!({"name": "serial", "in": "path", "required": true, "schema": {"type": "string"}, "example": "928T5F-CY4TCH"});
    let admin = json!([{"bearer": []}]);
    Json(json!({
        "openapi": "3.1.0",
        "info": {"title": "Licence server", "version": env!("CARGO_PKG_VERSION"),
            "description": "Issues signed response codes for request codes, keeps every licence's history. Errors are RFC 9457 problem documents with a stable `code`."},
        "paths": {
            "/api/v1/activations": {"post": {
                "summary": "Answer a request code with a response code",
                "description": "One cumulative response brings the installation from its counter to the latest state. The same installation at the same counter gets the stored response back (`already_issued`).",
                "requestBody": body(json!({"$ref": "#/components/schemas/ActivationRequest"})),
                "responses": {
                    "200": ok("The response code", json!({"$ref": "#/components/schemas/Activation"})),
                    "400": problem("malformed_code (with `group`), invalid_body"),
                    "404": problem("unknown_serial"),
                    "409": problem("keyid_not_found, installation_limit, up_to_date, counter_not_issued, entitlement_mismatch"),
                    "413": problem("payload_too_large"),
                    "415": problem("unsupported_media_type"),
                    "422": problem("wrong_kind (with `found_kind`), wrong_product"),
                    "429": problem("rate_limited (with Retry-After)")}}},
            "/api/v1/keys": {"get": {"summary": "Vendor public keys by id", "responses": {"200": ok("Keys", any.clone())}}},
            "/api/v1/products": {"get": {"summary": "Products and their entitlement names", "responses": {"200": ok("Products", any.clone())}}},
            "/api/v1/trust": {"get": {"summary": "Keys and products as a trust file for building programs", "responses": {"200": ok("Trust file", any.clone())}}},
            "/api/v1/admin/products": {"post": {"summary": "Add a product (admin)", "security": admin,
                "requestBody": body(json!({"$ref": "#/components/schemas/Product"})),
                "responses": {"201": ok("Added", any.clone()), "401": problem("unauthorized"), "403": problem("forbidden"), "409": problem("conflict")}}},
            "/api/v1/admin/licenses": {"post": {"summary": "Create a licence (admin)", "security": admin,
                "requestBody": body(json!({"type": "object", "required": ["product", "contact_email"], "properties": {
                    "product": {"type": "string"}, "contact_email": {"type": "string"}, "max_installations": {"type": "integer"},
                    "entitlements": {"type": "object"}, "serial": {"type": "string"}}})),
                "responses": {"201": ok("Created; includes the serial", any.clone()), "401": problem("unauthorized"), "403": problem("forbidden")}}},
            "/api/v1/admin/licenses/{serial}": {"get": {"summary": "A licence's state and history (support or admin)", "security": admin,
                "parameters": [serial_param.clone()],
                "responses": {"200": ok("State, states, installations, issuances, audit", any.clone()), "401": problem("unauthorized"), "404": problem("not_found")}}},
            "/api/v1/admin/licenses/{serial}/upgrades": {"post": {"summary": "Queue an upgrade (admin)", "security": admin,
                "parameters": [serial_param.clone()],
                "requestBody": body(json!({"type": "object", "required": ["set"], "properties": {"set": {"type": "object"}, "note": {"type": "string"}}})),
                "responses": {"201": ok("Queued", any.clone()), "401": problem("unauthorized"), "403": problem("forbidden")}}},
            "/api/v1/admin/licenses/{serial}/installations/{key_id}": {"delete": {"summary": "Release an installation (admin)", "security": admin,
                "parameters": [serial_param, {"name": "key_id", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {"200": ok("Released", any.clone()), "401": problem("unauthorized"), "403": problem("forbidden"), "404": problem("not_found")}}},
            "/api/v1/admin/tokens": {"post": {"summary": "Create an API token (admin)", "security": admin,
                "requestBody": body(json!({"type": "object", "required": ["name", "role"], "properties": {"name": {"type": "string"}, "role": {"enum": ["admin", "support"]}}})),
                "responses": {"201": ok("The token, shown once", any.clone())}}},
            "/healthz": {"get": {"summary": "Liveness", "responses": {"200": ok("Alive", any.clone())}}},
            "/readyz": {"get": {"summary": "Readiness: the database answers", "responses": {"200": ok("Ready", any.clone()), "503": ok("Not ready", any.clone())}}},
            "/metrics": {"get": {"summary": "Prometheus metrics", "responses": {"200": {"description": "OpenMetrics text"}}}}
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "ActivationRequest": {"type": "object", "required": ["request_code"], "additionalProperties": false,
                    "properties": {"request_code": {"type": "string"}}},
                "Activation": {"type": "object", "properties": {
                    "response_code": {"type": "string"},
                    "changes": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}, "from": {"type": "string"}, "to": {"type": "string"}}}},
                    "issued_at": {"type": "string", "format": "date-time"},
                    "already_issued": {"type": "boolean"},
                    "serial": {"type": "string"}, "product": {"type": "object"},
                    "from_counter": {"type": "integer"}, "to_counter": {"type": "integer"}, "signing_key_id": {"type": "integer"}}},
                "Product": {"type": "object", "required": ["id", "name", "entitlements"], "properties": {
                    "id": {"type": "integer"}, "name": {"type": "string"},
                    "entitlements": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}, "kind": {"enum": ["count", "flag", "date"]}}}}}},
                "Problem": {"type": "object", "properties": {
                    "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
                    "detail": {"type": "string"}, "code": {"type": "string"}, "next_step": {"type": "string"}}}
            }
        }
    }))
}
