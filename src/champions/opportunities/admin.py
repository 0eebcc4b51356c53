from django.contrib import admin

from .models import HandHoldingAction, Opportunity, OpportunityResponse, RecordedFact

admin.site.register(Opportunity)
admin.site.register(OpportunityResponse)
admin.site.register(RecordedFact)
admin.site.register(HandHoldingAction)
