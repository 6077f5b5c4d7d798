function ConvertTo-OrcPlainObject {
    <#
    .SYNOPSIS
        Rebuilds a definition (hashtable, PSCustomObject, nested arrays) as ordered hashtables and
        plain object[] arrays.
    .DESCRIPTION
        ConvertTo-Json on Windows PowerShell 5.1 can serialise PSObject-wrapped arrays as
        {"value":[...],"Count":n}, and single-element arrays that went through a pipeline lose
        their array-ness. Rebuilding every level from scratch avoids both, on 5.1 and 7.
    .PARAMETER InputObject
        The value to rebuild.
    .OUTPUTS
        System.Collections.Specialized.OrderedDictionary, System.Object[] or a scalar.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Position = 0)]
        [AllowNull()]
        [object] $InputObject
    )

    if ($null -eq $InputObject) {
        return $null
    }
    $base = $InputObject.PSObject.BaseObject
    if ($base -is [System.Management.Automation.PSCustomObject]) {
        $result = [ordered]@{}
        foreach ($property in $InputObject.PSObject.Properties) {
            $result[$property.Name] = ConvertTo-OrcPlainObject -InputObject $property.Value
        }
        return $result
    }
    $InputObject = $base
    if ($InputObject -is [string] -or $InputObject -is [System.ValueType]) {
        return $InputObject
    }
    if ($InputObject -is [System.Collections.IDictionary]) {
        $result = [ordered]@{}
        foreach ($key in $InputObject.Keys) {
            $result[[string]$key] = ConvertTo-OrcPlainObject -InputObject $InputObject[$key]
        }
        return $result
    }
    if ($InputObject -is [System.Collections.IEnumerable]) {
        $list = New-Object -TypeName System.Collections.Generic.List[object]
        foreach ($item in $InputObject) {
            $list.Add((ConvertTo-OrcPlainObject -InputObject $item))
        }
        return , $list.ToArray()
    }
    return $InputObject
}
