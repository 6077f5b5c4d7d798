function Get-OrcDefinitionHash {
    <#
    .SYNOPSIS
        Finds the definition hash (64 hex digits, optionally "sha256:"-prefixed) that 'orc-exec render'
        writes into a task's RegistrationInfo.
    .PARAMETER Xml
        A whole task XML (Export-ScheduledTask); only RegistrationInfo is searched.
    .PARAMETER Text
        One RegistrationInfo field (Documentation, Source, ...).
    .OUTPUTS
        System.String (lower-case hex), or nothing.
    #>
    [CmdletBinding(DefaultParameterSetName = 'Text')]
    [OutputType([string])]
    param(
        [Parameter(Mandatory, ParameterSetName = 'Xml')]
        [string] $Xml,

        [Parameter(Mandatory, ParameterSetName = 'Text')]
        [AllowEmptyString()]
        [string] $Text
    )

    if ($PSCmdlet.ParameterSetName -eq 'Xml') {
        $match = [regex]::Match($Xml, '<RegistrationInfo>(?s:.*?)</RegistrationInfo>')
        if (-not $match.Success) {
            return
        }
        $Text = $match.Value
    }
    $hash = $script:OrcDefinitionHashPattern.Match($Text)
    if ($hash.Success) {
        return $hash.Value.ToLowerInvariant()
    }
}

# Shared with Get-OrcScheduledTask, which matches it inline in its per-task loop.
$script:OrcDefinitionHashPattern = New-Object -TypeName System.Text.RegularExpressions.Regex -ArgumentList '(?<![0-9A-Fa-f])[0-9A-Fa-f]{64}(?![0-9A-Fa-f])'
