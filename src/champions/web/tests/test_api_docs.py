"""The API's schema and its docs page work offline and under our CSP."""


def test_docs_page_uses_local_assets(client):
    response = client.get("/api/v1/docs")

    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn." not in html


def test_swagger_assets_are_served(client):
    response = client.get("/static/ninja/swagger-ui-init.js")

    assert response.status_code == 200
