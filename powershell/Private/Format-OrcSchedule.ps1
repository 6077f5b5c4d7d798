function Format-OrcSchedule {
    <#
    .SYNOPSIS
        Describes a definition's schedule in a few words, like 'orc-exec list' does in its table.
    .PARAMETER Schedule
        The schedule object of a definition, or $null (= on demand).
    .PARAMETER Fallback
        Text to use when there is no definition (for example a crontab schedule).
    .OUTPUTS
        System.String
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowNull()]
        [object] $Schedule,

        [AllowNull()]
        [object] $Fallback
    )

    if ($null -eq $Schedule) {
        if ($Fallback) { return [string]$Fallback }
        return 'on demand'
    }
    $fields = @{}
    foreach ($property in $Schedule.PSObject.Properties) { $fields[$property.Name] = $property.Value }
    if ($Schedule -is [System.Collections.IDictionary]) {
        foreach ($key in $Schedule.Keys) { $fields[[string]$key] = $Schedule[$key] }
    }
    if ($fields['cron']) {
        if ($fields['timezone']) { return "$($fields['cron']) ($($fields['timezone']))" }
        return [string]$fields['cron']
    }
    if ($fields.ContainsKey('startup')) { return 'at startup' }
    if ($fields.ContainsKey('logon')) {
        $logon = $fields['logon']
        if ($logon -and $logon.PSObject.Properties['user'] -and $logon.user) { return "at logon of $($logon.user)" }
        return 'at logon'
    }
    if ($fields['once']) { return "once at $($fields['once'])" }
    if ($fields['interval']) {
        $interval = $fields['interval']
        if ($interval -is [string]) { return "every $interval" }
        # orc-exec may print intervals as nanoseconds (Go time.Duration).
        return "every $(ConvertTo-OrcDuration -TimeSpan ([timespan]::FromTicks([long]([double]$interval / 100))))"
    }
    return 'on demand'
}
