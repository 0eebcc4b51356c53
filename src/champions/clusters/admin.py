from django.contrib import admin

from .models import CentreService, CentreStaff, Cluster, ServiceRequest, TechnologyCentre

admin.site.register(TechnologyCentre)
admin.site.register(CentreService)
admin.site.register(CentreStaff)
admin.site.register(ServiceRequest)
admin.site.register(Cluster)
