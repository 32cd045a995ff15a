"""Projects and partner organisations."""

from django.views.generic import DetailView, ListView, TemplateView

from .models import Organisation, Project


class ProjectListView(ListView):
    template_name = "projects/list.html"
    context_object_name = "projects"

    def get_queryset(self):
        return Project.objects.published().for_list_page()


class ProjectDetailView(DetailView):
    template_name = "projects/detail.html"
    context_object_name = "project"

    def get_queryset(self):
        return Project.objects.published().for_detail_page()


class OrganisationListView(ListView):
    model = Organisation
    template_name = "partners/list.html"
    context_object_name = "organisations"


class OrganisationDetailView(DetailView):
    model = Organisation
    template_name = "partners/detail.html"
    context_object_name = "organisation"


class AgencyView(TemplateView):
    template_name = "partners/agency.html"


class CountryOverviewView(TemplateView):
    template_name = "partners/countries.html"
