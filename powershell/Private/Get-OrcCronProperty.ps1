function Get-OrcCronProperty {
    <#
    .SYNOPSIS
        Reads one property of a definition object (hashtable or PSObject), $null when it is absent.
    .DESCRIPTION
        Task definitions reach the cron backend as hashtables (built by the cmdlets) or as objects
        from ConvertFrom-Json (orc-exec list). Under Set-StrictMode a missing property on a
        PSCustomObject throws; this helper returns $null instead.
    .PARAMETER InputObject
        The hashtable or object to read; $null gives $null.
    .PARAMETER Name
        The property name (case-insensitive).
    .EXAMPLE
        Get-OrcCronProperty -InputObject $definition -Name schedule
    .OUTPUTS
        System.Object
    #>
    [CmdletBinding()]
    param(
        [AllowNull()]
        [object] $InputObject,

        [Parameter(Mandatory)]
        [string] $Name
    )

    if ($null -eq $InputObject) {
        return $null
    }
    if ($InputObject -is [System.Collections.IDictionary]) {
        foreach ($key in $InputObject.Keys) {
            if ("$key" -eq $Name) { return $InputObject[$key] }
        }
        return $null
    }
    $property = $InputObject.PSObject.Properties[$Name]
    if ($property) {
        return $property.Value
    }
    return $null
}
