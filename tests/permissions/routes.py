"""Every URL pattern and API operation of the portal, classified: who may reach it.

- PUBLIC: anyone, signed in or not (`ask`, `track`, the catalogue, published posts...);
- LOGIN: any signed-in user, for their own things or a list scoped to them;
- ROLE: some roles only (the others get 403/404), nothing per object;
- OBJECT: per object: who owns it, which room holds it. Each is walked by the matrix
  (matrix.py, matrix_api.py) or, where its object is not in the matrix's world, names the
  test that scopes it (ELSEWHERE);
- STAFF: the Django admin (staff, second factor) and allauth's own account pages.

test_route_classification.py fails when a route or an operation is missing here: a new view
is classified the day it is added.
"""

PUBLIC, LOGIN, ROLE, OBJECT, STAFF = "public", "login", "role", "object", "staff"

# Third-party URL names, classified by prefix: the Django admin and allauth's pages.
PREFIXES = {
    "admin:": STAFF,  # staff only, behind the second factor (core/tests/test_security_settings)
    "account_": STAFF,  # allauth: sign-in, sign-up, password and e-mail pages
    "mfa_": STAFF,  # allauth MFA: the signed-in user's own authenticators
}

WEB = {
    "api:openapi-json": PUBLIC,
    "api:openapi-view": PUBLIC,
    "api:api-root": PUBLIC,
    "not_found": PUBLIC,  # any other /api/ path: a JSON 404 (unnamed; its view's name)
    "set_language": PUBLIC,
    "open311:discovery": PUBLIC,
    "open311:services": PUBLIC,
    "open311:service": PUBLIC,
    "open311:token": PUBLIC,  # always 404: no tokens are issued
    "open311:requests": LOGIN,  # an API key; the list scoped to its holder
    "open311:request": OBJECT,
    "web:home": PUBLIC,
    "web:classification": PUBLIC,
    "web:registry:enterprise_list": LOGIN,
    "web:registry:enterprise_create": ROLE,
    "web:registry:district_options": PUBLIC,
    "web:registry:enterprise_detail": OBJECT,
    "web:registry:enterprise_update": OBJECT,
    "web:registry:import_upload": ROLE,
    "web:registry:import_template": ROLE,
    "web:registry:import_job": OBJECT,
    "web:registry:import_report": OBJECT,
    "web:grievances:list": LOGIN,
    "web:grievances:lodge": ROLE,
    "web:grievances:intake": ROLE,
    "web:grievances:queue": ROLE,
    "web:grievances:bulk": ROLE,
    "web:grievances:track": PUBLIC,
    "web:grievances:sla": ROLE,
    "web:grievances:sla_edit": ROLE,
    "web:grievances:sla_delete": ROLE,
    "web:grievances:holidays": ROLE,
    "web:grievances:holiday_delete": ROLE,
    "web:grievances:detail": OBJECT,
    "web:grievances:acknowledgement": OBJECT,
    "web:grievances:transition": OBJECT,
    "web:grievances:message": OBJECT,
    "web:grievances:rate": OBJECT,
    "web:grievances:transfer": OBJECT,
    "web:grievances:refer": OBJECT,
    "web:grievances:assign": OBJECT,
    "web:grievances:merge": OBJECT,
    "web:grievances:triage": OBJECT,
    "web:grievances:triage_panel": OBJECT,
    "web:grievances:attachment_download": OBJECT,
    "web:track": PUBLIC,
    "web:accounts:profile": LOGIN,
    "web:accounts:details": LOGIN,
    "web:accounts:phone_send": LOGIN,
    "web:accounts:phone_verify": LOGIN,
    "web:accounts:api_token_create": LOGIN,
    "web:accounts:api_token_revoke": OBJECT,
    "web:notifications:list": LOGIN,
    "web:notifications:mark_all_read": LOGIN,
    "web:notifications:mark_read": OBJECT,
    "web:notifications:open": OBJECT,
    "web:notifications:preferences": LOGIN,
    "web:insights:dashboard": ROLE,
    "web:insights:export": ROLE,
    "web:insights:ai_register": ROLE,
    "web:insights:ai_export": ROLE,
    "web:insights:systemic": ROLE,
    "web:insights:systemic_export": ROLE,
    "web:open_data": PUBLIC,
    "web:compliance:hub": PUBLIC,
    "web:compliance:delayed_payment": PUBLIC,
    "web:compliance:samadhaan_referral": PUBLIC,
    "web:compliance:delayed_payment_grievance": ROLE,
    "web:compliance:calendar": OBJECT,
    "web:compliance:calendar_ics": OBJECT,
    "web:schemes:list": PUBLIC,
    "web:schemes:check": PUBLIC,
    "web:schemes:check_results": PUBLIC,
    "web:schemes:check_restart": PUBLIC,
    "web:schemes:finance": LOGIN,
    "web:schemes:convergence": PUBLIC,
    "web:schemes:convergence_csv": PUBLIC,
    "web:schemes:recommendations": OBJECT,
    "web:schemes:detail": PUBLIC,
    "web:schemes:edit": ROLE,
    "web:networkadmin:rooms": ROLE,
    "web:networkadmin:room_create": ROLE,
    "web:networkadmin:import": ROLE,
    "web:networkadmin:import_sample": ROLE,
    "web:networkadmin:room": OBJECT,
    "web:networkadmin:room_edit": OBJECT,
    "web:networkadmin:districts_move": OBJECT,
    "web:networkadmin:room_close": OBJECT,
    "web:network:home": PUBLIC,
    "web:network:match": LOGIN,
    "web:network:post": OBJECT,
    "web:network:interest": LOGIN,  # any signed-in unit, on any published post
    "web:network:report": LOGIN,
    "web:network:introduction": OBJECT,
    "web:network:trust": OBJECT,
    "web:network:trust_key": PUBLIC,
    "web:network:review": ROLE,
    "web:network:market": PUBLIC,
    "web:network:profile_new": LOGIN,
    "web:network:post_new": LOGIN,
    "web:network:profile_edit": OBJECT,
    "web:network:trust_facts": OBJECT,
    "web:network:codes": PUBLIC,
    "web:clusters:centre_directory": PUBLIC,
    "web:clusters:centre_detail": PUBLIC,
    "web:clusters:request_list": LOGIN,
    "web:clusters:request_detail": OBJECT,
    "web:clusters:request_attachment": OBJECT,
    "web:clusters:centre_demand": ROLE,
    "web:clusters:cluster_list": PUBLIC,
    "web:clusters:cluster_detail": PUBLIC,
    "web:clusters:cluster_join": OBJECT,
    "web:clusters:cluster_post": OBJECT,
    "web:clusters:cluster_need": OBJECT,
    "web:clusters:membership_decide": OBJECT,
    "web:clusters:cluster_document": OBJECT,
    "web:opportunities:board": LOGIN,
    "web:opportunities:create": LOGIN,  # officers post drives; units their own needs
    "web:opportunities:detail": OBJECT,
    "web:opportunities:respond": OBJECT,
    "web:opportunities:close": OBJECT,
    "web:opportunities:response_shortlist": OBJECT,
    "web:opportunities:sparks": ROLE,
    "web:opportunities:spark_detail": OBJECT,
    "web:opportunities:spark_shortlist": OBJECT,
    "web:cases:overview": OBJECT,
    "web:cases:open": OBJECT,
    "web:cases:queue": LOGIN,
    "web:cases:my_steps": LOGIN,
    "web:cases:detail": OBJECT,
    "web:cases:step_done": OBJECT,
    "web:samadhaan:list": LOGIN,
    "web:samadhaan:file": OBJECT,
    "web:samadhaan:detail": OBJECT,
    "web:samadhaan:refresh": OBJECT,
    "web:gem:seller": OBJECT,
    "web:gem:bids": OBJECT,
    "web:roomnet:network": ROLE,
    "web:roomnet:duty": ROLE,
    "web:roomnet:room": OBJECT,
    "web:roomnet:review": OBJECT,
    "web:roomnet:consult": OBJECT,
    "web:roomnet:consultation": OBJECT,
    "web:sop:index": LOGIN,
    "web:sop:onboarding": ROLE,
    "web:sop:report": ROLE,
    "web:sop:tick": ROLE,
    "web:sop:page": LOGIN,
    "web:assistant:page": PUBLIC,
    "web:assistant:ask": PUBLIC,
    "web:assistant:rate": PUBLIC,  # a turn of the visitor's own conversation (its id in the form)
    "web:assistant:sources": PUBLIC,
    "web:assistant:source": PUBLIC,
    "web:assistant:review": ROLE,
    "web:assistant:callbacks": LOGIN,  # a room's queue; empty for anyone but its officers
    "web:assistant:callback_done": OBJECT,
    "web:privacy:notice": PUBLIC,
    "web:privacy:my_data": LOGIN,
    "web:privacy:download": LOGIN,
    "web:privacy:erase": LOGIN,
    "web:privacy:requests": ROLE,
}

API = {
    "GET /api/v1/registry/classification": PUBLIC,
    "GET /api/v1/registry/enterprises": LOGIN,
    "POST /api/v1/registry/enterprises": ROLE,
    "GET /api/v1/registry/enterprises/{enterprise_id}": OBJECT,
    "PUT /api/v1/registry/enterprises/{enterprise_id}": OBJECT,
    "POST /api/v1/grievances": OBJECT,  # for an enterprise named in the body
    "GET /api/v1/grievances": LOGIN,
    "GET /api/v1/grievances/track": PUBLIC,
    "GET /api/v1/grievances/referral-organisations": LOGIN,
    "GET /api/v1/grievances/attachments/{attachment_id}": OBJECT,
    "GET /api/v1/grievances/{grievance_id}": OBJECT,
    "POST /api/v1/grievances/{grievance_id}/transitions": OBJECT,
    "POST /api/v1/grievances/{grievance_id}/messages": OBJECT,
    "POST /api/v1/grievances/{grievance_id}/rating": OBJECT,
    "POST /api/v1/grievances/{grievance_id}/transfer": OBJECT,
    "POST /api/v1/grievances/{grievance_id}/referral": OBJECT,
    "POST /api/v1/grievances/{grievance_id}/attachments": OBJECT,
    "GET /api/v1/compliance/delayed-payment-interest": PUBLIC,
    "GET /api/v1/compliance/calendar": OBJECT,  # ?enterprise_id=
    "GET /api/v1/compliance/calendar.ics": OBJECT,  # ?enterprise_id=
    "POST /api/v1/schemes/eligibility": OBJECT,  # without an enterprise: public
    "GET /api/v1/schemes/recommendations": OBJECT,  # ?enterprise_id=
    "GET /api/v1/schemes/finance": OBJECT,  # ?enterprise_id=
    "GET /api/v1/schemes/convergence": PUBLIC,
    "GET /api/v1/schemes": PUBLIC,
    "GET /api/v1/schemes/{scheme_id}": PUBLIC,
    "POST /api/v1/triage": LOGIN,
    "POST /api/v1/opportunities": LOGIN,  # as the page: the kind decides who may post
    "GET /api/v1/opportunities/{opportunity_id}/matches": ROLE,
    "POST /api/v1/network/profiles": ROLE,
    "GET /api/v1/network/profiles/{profile_id}": LOGIN,  # the directory's approved profiles
    "POST /api/v1/network/match": LOGIN,
    "POST /api/v1/network/posts": LOGIN,
    "GET /api/v1/network/posts": LOGIN,
    "POST /api/v1/network/posts/{post_id}/introductions": LOGIN,
    "POST /api/v1/network/introductions/{introduction_id}/answer": OBJECT,
    "POST /api/v1/assistant/ask": PUBLIC,
    "GET /api/v1/cases/": LOGIN,
    "POST /api/v1/cases/": OBJECT,  # for an enterprise named in the body
    "GET /api/v1/cases/my-steps": LOGIN,
    "GET /api/v1/cases/{case_id}": OBJECT,
    "POST /api/v1/cases/{case_id}/assign": OBJECT,
    "POST /api/v1/cases/{case_id}/steps": OBJECT,
    "POST /api/v1/cases/steps/{step_id}/done": OBJECT,
    "POST /api/v1/cases/{case_id}/notes": OBJECT,
    "POST /api/v1/cases/{case_id}/close": OBJECT,
    "GET /api/v1/samadhaan/filings": LOGIN,
    "GET /api/v1/samadhaan/filings/{filing_id}": OBJECT,
    "POST /api/v1/samadhaan/filings/{filing_id}/refresh": OBJECT,
    "GET /api/v1/open-data/grievances.csv": PUBLIC,
}

# Object-scoped routes whose objects the matrix's world does not build, with the test that
# proves their scope. Keep this short: moving one into the matrix is the better fix.
ELSEWHERE = {
    "open311:request": "integrations/tests/test_open311.py (another user's request: 404)",
}
