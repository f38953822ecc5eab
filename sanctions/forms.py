"""Reader-side forms: the claim filters and the search box (GET only)."""

from django import forms

from speeches.models import Speech

from .models import Actor, ClaimStatus, ClaimTopic, Resolution


class ClaimFilterForm(forms.Form):
    """Filters for /claims/; an unknown value is a form error, never a 500."""

    actor = forms.ModelChoiceField(
        queryset=Actor.objects.filter(claim_roles__isnull=False).distinct(),
        to_field_name="slug",
        required=False,
        empty_label="Any actor",
    )
    topic = forms.ChoiceField(choices=[("", "Any topic"), *ClaimTopic.choices], required=False)
    resolution = forms.ModelChoiceField(
        queryset=Resolution.objects.all(),
        to_field_name="number",
        required=False,
        empty_label="Any resolution",
    )
    speech = forms.ModelChoiceField(
        queryset=Speech.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Any speech",
    )
    status = forms.ChoiceField(choices=[("", "Any status"), *ClaimStatus.choices], required=False)

    def filter(self, claims):
        """Narrow a claim queryset by the valid filters given."""
        data = self.cleaned_data
        if data.get("actor"):
            claims = claims.filter(actor_roles__actor=data["actor"])
        if data.get("topic"):
            claims = claims.filter(topic=data["topic"])
        if data.get("resolution"):
            claims = claims.filter(claim_clauses__clause__resolution=data["resolution"])
        if data.get("speech"):
            claims = claims.filter(claim_sentences__sentence__speech=data["speech"])
        if data.get("status"):
            claims = claims.filter(status=data["status"])
        return claims.distinct()


class SearchForm(forms.Form):
    q = forms.CharField(label="Search", max_length=200, required=False, strip=True)
